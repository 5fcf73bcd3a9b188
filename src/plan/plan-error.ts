/** Input that is not a plan pgvigil can read: the message says where and what to do. */
export class PlanFormatError extends Error {
  constructor(
    message: string,
    /** 1-based line of the input where reading stopped, when known. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'PlanFormatError';
  }
}

/** A user mistake or a refusal advise explains in one line (exit code 2). */
export class AdviseError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'AdviseError';
  }
}

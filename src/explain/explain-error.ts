/** Input `pgvigil explain` cannot use (not a plan, not SQL, a query PostgreSQL refuses): one line, with file and line. */
export class ExplainError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'ExplainError';
  }
}

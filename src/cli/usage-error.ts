/** A mistake in how pgvigil was called or configured: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'UsageError';
  }
}

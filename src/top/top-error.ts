/** Something `pgvigil top` cannot do on this server, explained in one line with the fix (exit code 2). */
export class TopError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'TopError';
  }
}

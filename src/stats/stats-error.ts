/** A stats file pgvigil cannot use (missing, not JSON, not a pgvigil stats file): one line saying what to do. */
export class StatsError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'StatsError';
  }
}

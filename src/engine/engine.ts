/** The Postgres seam. Rules and analyses never know which implementation they got. */
export interface Engine {
  readonly kind: 'pglite' | 'server';
  /** server_version_num, e.g. 180000 */
  readonly serverVersion: number;
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Runs a multi-statement script. */
  exec(sql: string): Promise<void>;
  /**
   * Runs one `COPY … FROM STDIN` with its rows (the text psql would send, without the `\.` line).
   * exec and query refuse COPY FROM STDIN: with no rows to send, the engine would wait forever.
   */
  copyFrom?(sql: string, data: string): Promise<void>;
  /** Runs fn in a transaction; with rollback: true the transaction is always rolled back. */
  transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T>;
  /**
   * Back to a fresh session's settings, as if each SQL file ran in its own psql session (pg_dump
   * output sets search_path to ''). pgvigil's own session settings (timeouts, read-only) stay.
   */
  resetSession(): Promise<void>;
  close(): Promise<void>;
}

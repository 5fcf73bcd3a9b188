import { openServer } from '../engine/server.js';

/** Longest one of pooling's catalog queries may run: they are all small. */
export const POOLING_STATEMENT_TIMEOUT_MS = 5_000;

/** A read-only way to query a server that may sit behind a transaction-mode pooler. */
export interface PooledSession {
  /** Runs one query in its own read-only transaction with its timeouts set LOCAL. */
  read<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * A read-only server engine keeps nothing in the session (src/engine/server.ts): each statement runs
 * in `BEGIN READ ONLY` with its settings LOCAL, which a transaction pooler keeps together.
 */
export async function openPooledSession(url: string): Promise<PooledSession> {
  const engine = await openServer(url, { readOnly: true, statementTimeoutMs: POOLING_STATEMENT_TIMEOUT_MS });
  return {
    read: async <R>(sql: string, params: readonly unknown[] = []) =>
      (await engine.query<R>(sql, [...params])).rows,
    close: () => engine.close().catch(() => undefined),
  };
}

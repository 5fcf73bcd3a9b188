import pg from 'pg';
import { toConnectionError } from '../engine/connection-error.js';
import { pgliteCompatibleTypes } from '../engine/pg-types.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_LOCK_TIMEOUT_MS } from '../engine/session-settings.js';

/** Longest one of pooling's catalog queries may run: they are all small. */
export const POOLING_STATEMENT_TIMEOUT_MS = 5_000;

/** A read-only way to query a server that may sit behind a transaction-mode pooler. */
export interface PooledSession {
  /** Runs one query in its own read-only transaction with its timeouts set LOCAL. */
  read<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * A connection that keeps nothing in the session. openEngine's session settings (SET without
 * LOCAL) would, behind a transaction pooler, be lost for pgvigil and handed to the application's
 * next transaction on that server connection (read-only, pgvigil's timeouts): here every query
 * runs in `BEGIN READ ONLY` with its settings SET LOCAL, which the pooler keeps together.
 */
export async function openPooledSession(url: string): Promise<PooledSession> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS,
    types: pgliteCompatibleTypes,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toConnectionError(error, client, url, DEFAULT_CONNECT_TIMEOUT_MS);
  }
  return {
    async read<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      await client.query('BEGIN READ ONLY');
      try {
        await client.query(
          "SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true), set_config('application_name', 'pgvigil', true)",
          [`${POOLING_STATEMENT_TIMEOUT_MS}ms`, `${DEFAULT_LOCK_TIMEOUT_MS}ms`],
        );
        const result = await client.query(sql, [...params]);
        await client.query('COMMIT');
        return result.rows as R[];
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

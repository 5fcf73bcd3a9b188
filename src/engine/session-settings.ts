import type pg from 'pg';

/** Every server session says who it is, so a DBA can find it in pg_stat_activity. */
export const APPLICATION_NAME = 'pgvigil';
/** Longest a single statement may run on a user's server. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/** Longest pgvigil waits for a lock: it must never queue behind (and in front of) production traffic. */
export const DEFAULT_LOCK_TIMEOUT_MS = 3_000;
/** A crashed or stuck pgvigil must not keep a transaction (and its snapshot and locks) open. */
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export interface SessionOptions {
  /** Sets default_transaction_read_only: inspecting a user's database never writes. */
  readonly readOnly?: boolean;
  readonly statementTimeoutMs?: number;
  readonly lockTimeoutMs?: number;
  readonly idleInTransactionTimeoutMs?: number;
}

function settingsOf(opts: SessionOptions): readonly (readonly [string, string])[] {
  return [
    ['application_name', APPLICATION_NAME],
    ['statement_timeout', `${opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS}ms`],
    ['lock_timeout', `${opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS}ms`],
    [
      'idle_in_transaction_session_timeout',
      `${opts.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS}ms`,
    ],
    ['default_transaction_read_only', opts.readOnly ? 'on' : 'off'],
  ];
}

// SET (not startup parameters): poolers such as PgBouncer reject unknown startup parameters.
export async function applySessionSettings(client: pg.Client, opts: SessionOptions): Promise<void> {
  const settings = settingsOf(opts);
  const calls = settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, false)`);
  await client.query(`SELECT ${calls.join(', ')}`, settings.flat());
}

/**
 * The statement that opens a read-only transaction with pgvigil's settings local to it. Behind a
 * transaction-mode pooler (PgBouncer, Supavisor) each transaction may run on another server
 * connection: session settings would be lost for pgvigil and, worse, left on the server connection
 * for the application's next transaction (read-only, pgvigil's timeouts). Settings made LOCAL to a
 * transaction travel with it and end with it. The values are pgvigil's own numbers, never user input.
 */
export function readOnlyTransactionStart(opts: SessionOptions): string {
  const settings = settingsOf(opts).filter(([name]) => name !== 'default_transaction_read_only');
  const calls = settings.map(([name, value]) => `set_config('${name}', '${value}', true)`);
  return `BEGIN READ ONLY; SELECT ${calls.join(', ')}`;
}

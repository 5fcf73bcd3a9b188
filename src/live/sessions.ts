import type { Engine } from '../engine/engine.js';
import { MAX_SESSIONS, QUERY_TEXT_CHARS } from './bounds.js';

/** One client session from pg_stat_activity that is in a transaction or waiting on a lock. */
export interface Session {
  readonly pid: number;
  readonly user: string | null;
  readonly database: string | null;
  readonly application: string | null;
  /** active, idle in transaction, ...; null when the role may not see other roles' sessions. */
  readonly state: string | null;
  readonly transactionSeconds: number | null;
  readonly stateSeconds: number | null;
  /** Sessions holding the lock this one waits for (pg_blocking_pids). */
  readonly blockedBy: readonly number[];
  readonly waitEvent: string | null;
  /** The start of the current (or last) statement; null when hidden from this role. */
  readonly query: string | null;
  /** pg_stat_activity shows this role nothing but the pid: it lacks pg_read_all_stats. */
  readonly hidden: boolean;
}

/**
 * Client sessions, also those whose details pg_stat_activity hides from this role (it shows NULL as
 * their backend_type, but still their user): background processes have no user.
 */
export function isClientBackend(alias: string): string {
  return `(${alias}.backend_type = 'client backend' OR (${alias}.backend_type IS NULL AND ${alias}.usesysid IS NOT NULL))`;
}

// Sessions of the database checked only (each URL names one); pgvigil's own session is left out: it is
// always in the middle of a statement when it looks.
const sessionsSql = `
SELECT a.pid, a.usename::text AS user, a.datname::text AS database, a.application_name AS application,
  a.state, extract(epoch FROM now() - a.xact_start)::float8 AS transaction_seconds,
  extract(epoch FROM now() - a.state_change)::float8 AS state_seconds,
  pg_catalog.pg_blocking_pids(a.pid) AS blocked_by,
  CASE WHEN a.wait_event_type IS NOT NULL THEN a.wait_event_type || ':' || a.wait_event END AS wait_event,
  left(a.query, ${QUERY_TEXT_CHARS}) AS query,
  a.query = '<insufficient privilege>' AS hidden
FROM pg_catalog.pg_stat_activity a
WHERE ${isClientBackend('a')} AND a.pid <> pg_catalog.pg_backend_pid()
  AND a.datname = current_database()
  AND (a.xact_start IS NOT NULL OR a.state IS NULL OR a.wait_event_type = 'Lock')
ORDER BY a.xact_start NULLS LAST, a.pid
LIMIT ${MAX_SESSIONS}`;

interface SessionRow {
  readonly pid: number;
  readonly user: string | null;
  readonly database: string | null;
  readonly application: string | null;
  readonly state: string | null;
  readonly transaction_seconds: number | null;
  readonly state_seconds: number | null;
  readonly blocked_by: readonly number[] | null;
  readonly wait_event: string | null;
  readonly query: string | null;
  readonly hidden: boolean | null;
}

export async function readSessions(engine: Engine): Promise<readonly Session[]> {
  const { rows } = await engine.query<SessionRow>(sessionsSql);
  return rows.map((r) => ({
    pid: r.pid,
    user: r.user,
    database: r.database,
    application: r.application,
    state: r.state,
    transactionSeconds: r.transaction_seconds,
    stateSeconds: r.state_seconds,
    blockedBy: r.blocked_by ?? [],
    waitEvent: r.wait_event,
    query: r.hidden ? null : r.query,
    hidden: r.hidden === true,
  }));
}

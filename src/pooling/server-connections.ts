import type { PooledSession } from './pooled-session.js';

/** The server's connection limit and how many connections it serves. */
export interface ServerConnections {
  readonly maxConnections: number;
  /** superuser_reserved_connections plus reserved_connections (PostgreSQL 16+). */
  readonly reserved: number;
  /** max_connections minus the reserved ones: what ordinary roles may open. */
  readonly available: number;
  readonly connectedNow: number;
  /** Most client backends seen working (not idle) at once over the samples, pgvigil's own excluded. */
  readonly peakActive: number;
  readonly samples: number;
  /** Client backends whose state this role could not see (it lacks pg_monitor / pg_read_all_stats). */
  readonly hiddenStates: number;
}

/** Samples of pg_stat_activity taken for the active-connection peak, and the pause between them. */
export const PEAK_SAMPLES = 5;
export const SAMPLE_INTERVAL_MS = 200;

interface Row {
  readonly max_connections: number;
  readonly reserved: number;
  readonly connected: number;
  readonly active: number;
  readonly hidden: number;
}

const SQL = `SELECT current_setting('max_connections')::int AS max_connections,
  current_setting('superuser_reserved_connections')::int
    + coalesce(current_setting('reserved_connections', true), '0')::int AS reserved,
  count(*) FILTER (WHERE backend_type = 'client backend')::int AS connected,
  count(*) FILTER (WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid())::int AS active,
  count(*) FILTER (WHERE backend_type = 'client backend' AND state IS NULL)::int AS hidden
FROM pg_stat_activity`;

/** Reads the limits once and samples the active connections a few times (pg_stat_activity, read-only). */
export async function readServerConnections(
  session: PooledSession,
  samples = PEAK_SAMPLES,
): Promise<ServerConnections> {
  const rows: Row[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS));
    const [row] = await session.read<Row>(SQL);
    if (row) rows.push(row);
  }
  const last = rows.at(-1) ?? { max_connections: 0, reserved: 0, connected: 0, active: 0, hidden: 0 };
  return {
    maxConnections: last.max_connections,
    reserved: last.reserved,
    available: last.max_connections - last.reserved,
    connectedNow: last.connected,
    peakActive: Math.max(0, ...rows.map((row) => row.active)),
    samples: rows.length,
    hiddenStates: last.hidden,
  };
}

import type pg from 'pg';
import type { ActivityFact } from './truth-model.js';

/** One relation of the public schema as pg_class shows it at a moment. */
export interface RelationRow {
  readonly oid: number;
  readonly name: string;
  readonly kind: string;
  readonly relfilenode: number;
  readonly table?: string;
}

/** The public schema's relations by oid (TOAST tables live elsewhere and are left out). */
export async function relationSnapshot(client: pg.Client): Promise<Map<number, RelationRow>> {
  const { rows } = await client.query<{
    oid: number;
    name: string;
    kind: string;
    relfilenode: number;
    tbl: string | null;
  }>(
    `SELECT c.oid::int AS oid, c.relname AS name, c.relkind::text AS kind, c.relfilenode::int AS relfilenode,
            t.relname AS tbl
       FROM pg_class c
       LEFT JOIN pg_index i ON i.indexrelid = c.oid
       LEFT JOIN pg_class t ON t.oid = i.indrelid
      WHERE c.relnamespace = 'public'::regnamespace`,
  );
  return new Map(
    rows.map((r) => [
      r.oid,
      {
        oid: r.oid,
        name: r.name,
        kind: r.kind,
        relfilenode: r.relfilenode,
        ...(r.tbl ? { table: r.tbl } : {}),
      },
    ]),
  );
}

/** Relation locks of one backend: oid, the name as the reader resolves it then, and the mode. */
export interface LockRow {
  readonly oid: number;
  readonly name: string;
  readonly mode: string;
}

export const LOCKS_OF_PID = `SELECT l.relation::int AS oid, l.relation::regclass::text AS name, l.mode
  FROM pg_locks l
 WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted
   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
   AND l.relation NOT IN (SELECT oid FROM pg_class WHERE relnamespace <> 'public'::regnamespace)`;

export async function locksOf(client: pg.Client, pid: number): Promise<LockRow[]> {
  return (await client.query<LockRow>(LOCKS_OF_PID, [pid])).rows;
}

type Counters = Omit<ActivityFact, 'relation'>;

const COUNTERS = `relid::int AS oid, seq_scan::int AS "seqScans", seq_tup_read::int AS "seqRowsRead",
  coalesce(idx_scan, 0)::int AS "idxScans", n_tup_ins::int AS inserted, n_tup_upd::int AS updated,
  n_tup_del::int AS deleted`;

/**
 * Per-table counters. Inside a transaction: pg_stat_xact_user_tables (this transaction so far).
 * Outside one: the cumulative view, after forcing this backend's pending counters out.
 */
export async function tableCounters(
  client: pg.Client,
  inTransaction: boolean,
): Promise<Map<number, Counters>> {
  if (!inTransaction) {
    await client.query('SELECT pg_stat_force_next_flush()');
    await client.query('SELECT pg_stat_clear_snapshot()');
  }
  const view = inTransaction ? 'pg_stat_xact_user_tables' : 'pg_stat_user_tables';
  const { rows } = await client.query<Counters & { oid: number }>(
    `SELECT ${COUNTERS} FROM ${view} WHERE schemaname = 'public'`,
  );
  return new Map(rows.map(({ oid, ...counters }) => [oid, counters]));
}

const FIELDS = ['seqScans', 'seqRowsRead', 'idxScans', 'inserted', 'updated', 'deleted'] as const;

/** What changed between two counter readings, per table, non-zero tables only. */
export function activityDelta(
  before: ReadonlyMap<number, Counters>,
  after: ReadonlyMap<number, Counters>,
  nameOf: (oid: number) => string,
): ActivityFact[] {
  const facts: ActivityFact[] = [];
  for (const [oid, now] of after) {
    const was = before.get(oid);
    const delta = Object.fromEntries(FIELDS.map((f) => [f, now[f] - (was?.[f] ?? 0)])) as Counters;
    if (FIELDS.some((f) => delta[f] !== 0)) facts.push({ relation: nameOf(oid), ...delta });
  }
  return facts.sort((a, b) => a.relation.localeCompare(b.relation));
}

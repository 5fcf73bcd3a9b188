import { oidNumber, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { compareNames } from './relation-changes.js';

/** Counters of pg_stat_xact_user_tables for one table. */
export interface TableCounters {
  readonly seqScans: number;
  /** Rows returned by sequential scans (seq_tup_read). */
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
}

export interface TableActivity extends TableCounters {
  /** Schema-qualified. */
  readonly relation: string;
}

/**
 * The backend's own not-yet-flushed counters, by table oid. The server keeps counters of earlier transactions
 * here until it flushes them (at most once a second, between transactions), PGlite flushes after each one;
 * so only a difference taken inside one transaction is the work of what ran in between.
 */
export interface ActivitySnapshot {
  readonly tables: ReadonlyMap<number, TableActivity>;
}

const activitySql = `
SELECT ${oidNumber('s.relid')} AS oid, ${qualifiedName('s.schemaname', 's.relname')} AS relation,
  s.seq_scan::float8 AS "seqScans", s.seq_tup_read::float8 AS "rowsRead", s.n_tup_ins::float8 AS inserted,
  s.n_tup_upd::float8 AS updated, s.n_tup_del::float8 AS deleted
FROM pg_catalog.pg_stat_xact_user_tables s`;

export async function readTableActivity(engine: Engine): Promise<ActivitySnapshot> {
  const { rows } = await engine.query<TableActivity & { readonly oid: number }>(activitySql);
  return { tables: new Map(rows.map(({ oid, ...activity }) => [oid, activity])) };
}

const ZERO: TableCounters = { seqScans: 0, rowsRead: 0, inserted: 0, updated: 0, deleted: 0 };

function subtract(now: TableCounters, then: TableCounters): TableCounters {
  return {
    seqScans: now.seqScans - then.seqScans,
    rowsRead: now.rowsRead - then.rowsRead,
    inserted: now.inserted - then.inserted,
    updated: now.updated - then.updated,
    deleted: now.deleted - then.deleted,
  };
}

/** Tables whose counters moved between two snapshots taken in the same transaction, by name. */
export function activityBetween(before: ActivitySnapshot, after: ActivitySnapshot): readonly TableActivity[] {
  const moved: TableActivity[] = [];
  for (const [oid, now] of after.tables) {
    const delta = subtract(now, before.tables.get(oid) ?? ZERO);
    if (Object.values(delta).some((n) => n !== 0)) moved.push({ relation: now.relation, ...delta });
  }
  return moved.sort((a, b) => compareNames(a.relation, b.relation));
}

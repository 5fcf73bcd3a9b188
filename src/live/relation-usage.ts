import { isUserSchema, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { MAX_RELATIONS } from './bounds.js';

/** Scans of one index since the statistics were reset. */
export interface IndexUsage {
  readonly index: string;
  readonly table: string;
  readonly scans: number;
  readonly sizeBytes: number;
}

/** What the statistics say about one table's reads, dead rows and vacuums. */
export interface TableActivity {
  readonly table: string;
  readonly seqScans: number;
  readonly seqRowsRead: number;
  readonly indexScans: number;
  readonly liveRows: number;
  readonly deadRows: number;
  /** Seconds since the last vacuum (manual or auto); null when never vacuumed. */
  readonly sinceVacuumSeconds: number | null;
  readonly sizeBytes: number;
  /** age(relfrozenxid). */
  readonly xidAge: number;
  /** autovacuum_vacuum_threshold + autovacuum_vacuum_scale_factor * reltuples (server settings). */
  readonly autovacuumTrigger: number;
}

/**
 * Size from the page count VACUUM and ANALYZE keep in pg_class: pg_relation_size() would take an
 * ACCESS SHARE lock, which queues behind a migration waiting for ACCESS EXCLUSIVE: health would then
 * hang exactly when it is needed.
 */
const PAGES_BYTES = (alias: string) => `(${alias}.relpages::float8 * current_setting('block_size')::float8)`;

const indexUsageSql = `
SELECT ${qualifiedName('s.schemaname', 's.indexrelname')} AS index,
  ${qualifiedName('s.schemaname', 's.relname')} AS table_name,
  s.idx_scan::float8 AS scans, ${PAGES_BYTES('c')} AS size_bytes
FROM pg_catalog.pg_stat_user_indexes s
JOIN pg_catalog.pg_class c ON c.oid = s.indexrelid
WHERE ${isUserSchema('s.schemaname')}
ORDER BY size_bytes DESC, index
LIMIT ${MAX_RELATIONS}`;

const tableActivitySql = `
SELECT ${qualifiedName('s.schemaname', 's.relname')} AS table_name,
  COALESCE(s.seq_scan, 0)::float8 AS seq_scans, COALESCE(s.seq_tup_read, 0)::float8 AS seq_rows_read,
  COALESCE(s.idx_scan, 0)::float8 AS index_scans,
  s.n_live_tup::float8 AS live_rows, s.n_dead_tup::float8 AS dead_rows,
  extract(epoch FROM now() - GREATEST(s.last_vacuum, s.last_autovacuum))::float8 AS since_vacuum_seconds,
  ${PAGES_BYTES('c')} AS size_bytes,
  pg_catalog.age(c.relfrozenxid)::float8 AS xid_age,
  (current_setting('autovacuum_vacuum_threshold')::float8
    + current_setting('autovacuum_vacuum_scale_factor')::float8 * GREATEST(c.reltuples, 0)) AS autovacuum_trigger
FROM pg_catalog.pg_stat_user_tables s
JOIN pg_catalog.pg_class c ON c.oid = s.relid
WHERE ${isUserSchema('s.schemaname')}
ORDER BY size_bytes DESC, s.n_dead_tup DESC
LIMIT ${MAX_RELATIONS}`;

interface IndexUsageRow {
  readonly index: string;
  readonly table_name: string;
  readonly scans: number;
  readonly size_bytes: number;
}

interface TableActivityRow {
  readonly table_name: string;
  readonly seq_scans: number;
  readonly seq_rows_read: number;
  readonly index_scans: number;
  readonly live_rows: number;
  readonly dead_rows: number;
  readonly since_vacuum_seconds: number | null;
  readonly size_bytes: number;
  readonly xid_age: number;
  readonly autovacuum_trigger: number;
}

export async function readIndexUsage(engine: Engine): Promise<readonly IndexUsage[]> {
  const { rows } = await engine.query<IndexUsageRow>(indexUsageSql);
  return rows.map((r) => ({ index: r.index, table: r.table_name, scans: r.scans, sizeBytes: r.size_bytes }));
}

export async function readTableActivity(engine: Engine): Promise<readonly TableActivity[]> {
  const { rows } = await engine.query<TableActivityRow>(tableActivitySql);
  return rows.map((r) => ({
    table: r.table_name,
    seqScans: r.seq_scans,
    seqRowsRead: r.seq_rows_read,
    indexScans: r.index_scans,
    liveRows: r.live_rows,
    deadRows: r.dead_rows,
    sinceVacuumSeconds: r.since_vacuum_seconds,
    sizeBytes: r.size_bytes,
    xidAge: r.xid_age,
    autovacuumTrigger: r.autovacuum_trigger,
  }));
}

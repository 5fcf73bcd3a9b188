import { isUserSchema, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';

/** What live statistics say about one table's size. */
export interface TableSize {
  /** pg_class.reltuples: the planner's estimate, as of the last VACUUM or ANALYZE. */
  readonly rows: number;
  /** The table with its indexes and TOAST, in bytes. */
  readonly bytes: number;
}

/** By schema-qualified name, quoted as quote_ident would (the names the observations use). */
export type TableSizes = ReadonlyMap<string, TableSize>;

/**
 * A table is small when statistics exist for it and both its estimated rows and its bytes are under
 * these: a build, scan or rewrite of it is over in milliseconds.
 */
export const SMALL_TABLE = { rows: 10_000, bytes: 10 * 1024 * 1024 } as const;

/** Statistics exist for the table and say few rows and few bytes (SMALL_TABLE). */
export function isSmallTable(size: TableSize | undefined): size is TableSize {
  return size !== undefined && size.rows < SMALL_TABLE.rows && size.bytes < SMALL_TABLE.bytes;
}

interface SizeRow {
  readonly name: string;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Sizes of the tables and materialized views of a live database, from its statistics (read-only).
 * Tables never vacuumed or analysed (reltuples -1 since PostgreSQL 14) and partitioned parents
 * (no storage of their own) are left out: nothing is known of them, so they stay "large".
 */
export async function readTableSizes(engine: Engine): Promise<TableSizes> {
  const { rows } = await engine.query<SizeRow>(`
    SELECT ${qualifiedName('n.nspname', 'c.relname')} AS name, c.reltuples::float8 AS rows,
      pg_catalog.pg_total_relation_size(c.oid)::float8 AS bytes
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm') AND c.reltuples >= 0 AND ${isUserSchema('n.nspname')}
      AND (c.reltuples > 0 OR c.relpages > 0 OR c.relallvisible > 0 OR EXISTS (
        SELECT 1 FROM pg_catalog.pg_stat_all_tables s
        WHERE s.relid = c.oid AND (s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL
          OR s.last_vacuum IS NOT NULL OR s.last_autovacuum IS NOT NULL)))`);
  return new Map(rows.map((row) => [row.name, { rows: Number(row.rows), bytes: Number(row.bytes) }]));
}

/** The sizes of a live database's tables: a read-only session, closed when done. */
export async function readLiveTableSizes(url: string): Promise<TableSizes> {
  // Loaded here: the pg driver costs ~0.1 s at start-up, and plan rules import this module.
  const { openServer } = await import('../engine/server.js');
  const engine = await openServer(url, { readOnly: true });
  try {
    return await readTableSizes(engine);
  } finally {
    await engine.close();
  }
}

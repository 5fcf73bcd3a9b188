import { qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';

/** Distinct values per column, by `schema.table.column` as the catalog qualifies tables. */
export type DistinctCounts = ReadonlyMap<string, number>;

export function distinctKey(table: string, column: string): string {
  return `${table}.${column}`;
}

/**
 * pg_stats' n_distinct as a count (a negative n_distinct is a share of the rows). Columns
 * never analyzed are absent. Read-only, on the engine the advisor plans on.
 */
export async function readDistinctCounts(engine: Engine): Promise<DistinctCounts> {
  const { rows } = await engine.query<{ table_name: string; column_name: string; distinct: number }>(`
    SELECT ${qualifiedName('s.schemaname', 's.tablename')} AS table_name, s.attname AS column_name,
           CASE WHEN s.n_distinct >= 0 THEN s.n_distinct ELSE -s.n_distinct * greatest(c.reltuples, 0) END::float8 AS distinct
    FROM pg_catalog.pg_stats s
    JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
    JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
    WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')`);
  return new Map(rows.map((r) => [distinctKey(r.table_name, r.column_name), Number(r.distinct)]));
}

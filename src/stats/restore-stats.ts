import type { Engine } from '../engine/engine.js';
import { ATTRIBUTE_STAT_NAMES, ATTRIBUTE_STATS, restoreParameter } from './attribute-stats.js';
import type { ColumnStats, StatsFile, TableStats } from './stats-file.js';

/** pg_restore_relation_stats and pg_restore_attribute_stats arrived in PostgreSQL 18. */
export const RESTORE_STATS_VERSION = 180000;

export interface RestoredStats {
  readonly tables: number;
  /** Columns whose statistics were restored. */
  readonly columns: number;
  /** Columns PostgreSQL refused (a type that differs, a column the target lacks). */
  readonly refused: number;
  /** Tables of the file the target does not have. */
  readonly missing: readonly string[];
  /** Tables with rows in production but none here: the planner sees them empty whatever is restored. */
  readonly empty: readonly string[];
}

type Argument = readonly [key: string, type: string, value: unknown];

/** Key/value arguments of a pg_restore_*_stats call, NULLs left out (a NULL value is not a statistic). */
function variadic(values: readonly Argument[]): { sql: string; params: unknown[] } {
  const present = values.filter(([, , value]) => value !== null && value !== undefined);
  return {
    sql: present.map(([key, type], i) => `'${key}', $${i + 1}::${type}`).join(', '),
    params: present.map(([, , value]) => value),
  };
}

async function restore(target: Engine, fn: string, values: readonly Argument[]): Promise<boolean> {
  const { sql, params } = variadic(values);
  const { rows } = await target
    .query<{ ok: boolean | null }>(`SELECT pg_catalog.${fn}(${sql}) AS ok`, params)
    .catch(() => ({ rows: [{ ok: false }] }));
  return rows[0]?.ok === true;
}

/** The target's own size of the table in pages; undefined when it has no such table. */
async function physicalPages(target: Engine, table: TableStats): Promise<number | undefined> {
  const { rows } = await target.query<{ pages: number | null }>(
    `SELECT (pg_catalog.pg_relation_size(c.oid) / pg_catalog.current_setting('block_size')::int)::int AS pages
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1::text AND c.relname = $2::text`,
    [table.schema, table.name],
  );
  return rows[0] ? Number(rows[0].pages) : undefined;
}

/**
 * The planner estimates a table's rows as reltuples / relpages × its physical size in pages
 * (table_block_relation_estimate_size), so production's relpages over a smaller copy shrinks the
 * estimate by their ratio. relpages is set to the copy's own size instead: the estimate is then
 * production's reltuples exactly. Partitioned tables have no storage and keep production's.
 */
function relationArguments(table: TableStats, pages: number): Argument[] {
  const own = table.kind !== 'p';
  const share = (n: number | undefined) =>
    n === undefined
      ? undefined
      : table.relpages > 0
        ? Math.round(pages * Math.min(1, n / table.relpages))
        : 0;
  return [
    ['schemaname', 'text', table.schema],
    ['relname', 'text', table.name],
    ['relpages', 'integer', own ? pages : table.relpages],
    ['reltuples', 'real', table.reltuples],
    ['relallvisible', 'integer', own ? share(table.relallvisible) : table.relallvisible],
    ['relallfrozen', 'integer', own ? share(table.relallfrozen) : table.relallfrozen],
  ];
}

function attributeArguments(table: TableStats, column: ColumnStats): Argument[] {
  const stats = column as unknown as Record<string, unknown>;
  return [
    ['schemaname', 'text', table.schema],
    ['relname', 'text', table.name],
    ['attname', 'text', column.name],
    ['inherited', 'boolean', column.inherited],
    ...ATTRIBUTE_STAT_NAMES.map(
      (stat): Argument => [stat, ATTRIBUTE_STATS[stat], restoreParameter(stat, stats[stat])],
    ),
  ];
}

/**
 * Restores exported statistics over the same tables of `target` (PostgreSQL 18+). Call it after
 * the target's own ANALYZE, which would overwrite them, and after its rows are in: a table with
 * no page on disk is estimated empty whatever pg_class says.
 */
export async function restoreStats(target: Engine, stats: StatsFile): Promise<RestoredStats> {
  let tables = 0;
  let columns = 0;
  let refused = 0;
  const missing: string[] = [];
  const empty: string[] = [];
  for (const table of stats.tables) {
    const label = `${table.schema}.${table.name}`;
    const pages = await physicalPages(target, table);
    if (pages === undefined) {
      missing.push(label);
      continue;
    }
    if (pages === 0 && table.kind !== 'p' && table.reltuples > 0) empty.push(label);
    if (await restore(target, 'pg_restore_relation_stats', relationArguments(table, pages))) tables++;
    for (const column of table.columns) {
      if (await restore(target, 'pg_restore_attribute_stats', attributeArguments(table, column))) columns++;
      else refused++;
    }
  }
  return { tables, columns, refused, missing, empty };
}

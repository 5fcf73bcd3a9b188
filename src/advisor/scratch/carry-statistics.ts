import { isUserSchema } from '../../catalog/read/sql-fragments.js';
import type { Engine } from '../../engine/engine.js';

/** pg_restore_relation_stats and pg_restore_attribute_stats arrived in PostgreSQL 18. */
export const RESTORE_STATS_VERSION = 180000;

/** The pg_stats columns restored, with the type pg_restore_attribute_stats expects for each. */
const ATTRIBUTE_STATS: Readonly<Record<string, string>> = {
  null_frac: 'real',
  avg_width: 'integer',
  n_distinct: 'real',
  most_common_vals: 'text',
  most_common_freqs: 'real[]',
  histogram_bounds: 'text',
  correlation: 'real',
  most_common_elems: 'text',
  most_common_elem_freqs: 'real[]',
  elem_count_histogram: 'real[]',
};

type StatsRow = Record<string, string | boolean | null>;

export interface CarriedStatistics {
  /** Columns whose statistics were restored. */
  readonly columns: number;
  /** Columns PostgreSQL refused (a type that differs, a column the copy lacks). */
  readonly refused: number;
  /** What the copy plans without, in words; undefined when everything carried over. */
  readonly lost?: string;
}

const LOST_BEFORE_18 =
  'statistics are those of the synthetic rows: PostgreSQL before 18 cannot restore statistics (pg_restore_attribute_stats), so the production most common values, histograms, distinct counts and correlations are lost, and so are the selectivities the planner derives from them';

/** Key/value arguments of a pg_restore_*_stats call, NULLs left out (a NULL value is not a statistic). */
function variadic(values: readonly (readonly [string, string, unknown])[]): {
  sql: string;
  params: unknown[];
} {
  const present = values.filter(([, , value]) => value !== null && value !== undefined);
  return {
    sql: present.map(([key, type], i) => `'${key}', $${i + 1}::${type}`).join(', '),
    params: present.map(([, , value]) => value),
  };
}

async function restore(target: Engine, fn: string, values: readonly (readonly [string, string, unknown])[]) {
  const { sql, params } = variadic(values);
  const { rows } = await target.query<{ ok: boolean | null }>(
    `SELECT pg_catalog.${fn}(${sql}) AS ok`,
    params,
  );
  return rows[0]?.ok === true;
}

/**
 * Copies the planner statistics of the user's tables (pg_class sizes, pg_stats per column) into
 * the same tables of a scratch copy, on PostgreSQL 18+. Read-only on `source`. Call it after the
 * copy's own ANALYZE, which would overwrite them.
 */
export async function carryStatistics(source: Engine, target: Engine): Promise<CarriedStatistics> {
  if (target.serverVersion < RESTORE_STATS_VERSION) return { columns: 0, refused: 0, lost: LOST_BEFORE_18 };
  const { rows: relations } = await source.query<StatsRow>(`
    SELECT n.nspname AS schemaname, c.relname, c.relpages::text, c.reltuples::text, c.relallvisible::text
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND ${isUserSchema('n.nspname')}`);
  for (const r of relations)
    await restore(target, 'pg_restore_relation_stats', [
      ['schemaname', 'text', r.schemaname],
      ['relname', 'text', r.relname],
      ['relpages', 'integer', r.relpages],
      ['reltuples', 'real', r.reltuples],
      ['relallvisible', 'integer', r.relallvisible],
    ]).catch(() => false);
  const columns = Object.keys(ATTRIBUTE_STATS);
  const { rows } = await source.query<StatsRow>(`
    SELECT schemaname, tablename, attname, inherited, ${columns.map((c) => `${c}::text`).join(', ')}
    FROM pg_catalog.pg_stats WHERE ${isUserSchema('schemaname')}`);
  let restored = 0;
  for (const row of rows) {
    const ok = await restore(target, 'pg_restore_attribute_stats', [
      ['schemaname', 'text', row.schemaname],
      ['relname', 'text', row.tablename],
      ['attname', 'text', row.attname],
      ['inherited', 'boolean', row.inherited],
      ...columns.map((c) => [c, ATTRIBUTE_STATS[c] ?? 'text', row[c]] as const),
    ]).catch(() => false);
    if (ok) restored++;
  }
  return { columns: restored, refused: rows.length - restored };
}

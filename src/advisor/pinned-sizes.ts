import type { Engine } from '../engine/engine.js';
import { exportStats } from '../stats/export-stats.js';
import { RESTORE_STATS_VERSION, restoreStats } from '../stats/restore-stats.js';

interface Sizes {
  readonly schema: string;
  readonly name: string;
  readonly relpages: number;
  readonly reltuples: number;
  readonly relallvisible: number;
}

/**
 * CREATE INDEX and ANALYZE write the table's pg_class sizes in place, which a rollback does not
 * undo: a trial would leave the row count of the rows on disk where restored production
 * statistics said 1,000,000 (measured on PostgreSQL 18.6), and every later plan would use it.
 * So the sizes are read before a trial and written back after each index and after the
 * rollback. Before PostgreSQL 18 nothing was restored and there is nothing to keep.
 */
export async function pinSizes(
  engine: Engine,
  tables: readonly string[],
): Promise<(on: Engine) => Promise<void>> {
  if (engine.serverVersion < RESTORE_STATS_VERSION || tables.length === 0) return async () => undefined;
  const { rows } = await engine.query<Sizes>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relpages::int AS relpages, c.reltuples::float8 AS reltuples, c.relallvisible::int AS relallvisible
     FROM unnest($1::text[]) AS t(name) JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.name)
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`,
    [[...new Set(tables)]],
  );
  return async (on) => {
    for (const r of rows)
      await on.query(
        `SELECT pg_catalog.pg_restore_relation_stats('schemaname', $1::text, 'relname', $2::text,
           'relpages', $3::integer, 'reltuples', $4::real, 'relallvisible', $5::integer)`,
        [r.schema, r.name, r.relpages, r.reltuples, r.relallvisible],
      );
  };
}

/**
 * A trial of an expression index runs ANALYZE on its table for the index's own statistics, which
 * also puts the column statistics of the rows on disk over restored production ones until the
 * rollback. The columns' statistics are read before and written back after that ANALYZE.
 */
export async function pinColumnStatistics(
  engine: Engine,
  tables: readonly string[],
): Promise<(on: Engine) => Promise<void>> {
  if (engine.serverVersion < RESTORE_STATS_VERSION || tables.length === 0) return async () => undefined;
  const { rows } = await engine.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM unnest($1::text[]) AS t(name)
     JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.name)
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`,
    [[...new Set(tables)]],
  );
  const snapshot = await exportStats(engine, { tables: rows.map((r) => r.name) });
  return async (on) => {
    await restoreStats(on, snapshot);
  };
}

import type { CatalogSnapshot } from '../../catalog/model.js';
import type { Engine } from '../../engine/engine.js';
import { withScratchDatabase } from '../../engine/scratch.js';
import { fillEmptyTables } from '../../explain/bulk-fill.js';
import { carryStatistics } from './carry-statistics.js';
import { schemaStatements } from './schema-ddl.js';

/** Synthetic rows per table at most: the copy must plan like production, not take as long to fill. */
export const SCRATCH_MAX_ROWS = 100_000;
/** Rows for a table never analyzed (no size known). */
const UNKNOWN_ROWS = 1_000;

function rowsFor(estimated: number | undefined): number {
  if (estimated === undefined || estimated < 0) return UNKNOWN_ROWS;
  return Math.min(Math.round(estimated), SCRATCH_MAX_ROWS);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs fn on a scratch database created on the user's server (always dropped) holding a copy of
 * the user's tables and indexes, read from its catalog: no data, synthetic rows up to the
 * production row counts (at most SCRATCH_MAX_ROWS), and on PostgreSQL 18+ the production
 * statistics restored over them. The user's database is only read.
 */
export async function withScratchCopy<T>(
  db: string,
  source: Engine,
  catalog: CatalogSnapshot,
  fn: (engine: Engine, notes: readonly string[]) => Promise<T>,
): Promise<T> {
  return withScratchDatabase(db, async (scratch) => {
    const refused: string[] = [];
    for (const sql of schemaStatements(catalog))
      await scratch
        .exec(sql)
        .catch((error: unknown) => refused.push(`${sql.slice(0, 100)}: ${reason(error)}`));
    const sizes = new Map(catalog.tables.map((t) => [t.qualified, t.estimatedRows]));
    const fill = await fillEmptyTables(scratch, (table) => rowsFor(sizes.get(table)));
    const carried = await carryStatistics(source, scratch);
    const notes = [
      `No HypoPG in this database: indexes tried in a scratch database created on the server and dropped afterwards, holding a copy of the schema (no data) with synthetic rows as many as production's up to ${SCRATCH_MAX_ROWS.toLocaleString('en')} per table; ${carried.lost ?? `production statistics restored for ${carried.columns} columns${carried.refused ? ` (${carried.refused} refused)` : ''}`}.`,
      ...refused.map((r) => `Scratch copy could not run ${r}`),
      ...fill.skipped.map((s) => `Scratch copy left ${s.table} empty (${s.reason}).`),
    ];
    return fn(scratch, notes);
  });
}

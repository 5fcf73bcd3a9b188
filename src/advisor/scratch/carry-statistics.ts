import type { Engine } from '../../engine/engine.js';
import { exportStats } from '../../stats/export-stats.js';
import { RESTORE_STATS_VERSION, restoreStats } from '../../stats/restore-stats.js';

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

/**
 * Copies the planner statistics of the user's tables (pg_class sizes, pg_stats per column) into
 * the same tables of a scratch copy, on PostgreSQL 18+: `pgvigil stats export` and `--stats` in
 * one step. Read-only on `source`. Call it after the copy's own ANALYZE, which would overwrite them.
 */
export async function carryStatistics(source: Engine, target: Engine): Promise<CarriedStatistics> {
  if (target.serverVersion < RESTORE_STATS_VERSION) return { columns: 0, refused: 0, lost: LOST_BEFORE_18 };
  const restored = await restoreStats(target, await exportStats(source));
  return { columns: restored.columns, refused: restored.refused };
}

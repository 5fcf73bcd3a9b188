import type { Engine } from '../engine/engine.js';
import type { FillResult } from '../observe/synthetic-rows.js';
import { readStatsFile } from '../stats/read-stats-file.js';
import { RESTORE_STATS_VERSION, type RestoredStats, restoreStats } from '../stats/restore-stats.js';
import type { StatsFile } from '../stats/stats-file.js';
import { emptyTables, fillEmptyTables } from './bulk-fill.js';
import { budgetRows, SYNTHETIC_ROW_BUDGET } from './row-budget.js';
import { resolveSpec, type SyntheticSpec } from './synthetic-spec.js';

export interface EmbeddedData {
  readonly notes: readonly string[];
  /** Production statistics over synthetic rows: running a query would measure the synthetic rows, so plans are estimated. */
  readonly estimatesOnly: boolean;
}

/** Production row counts from a stats file, by the name the fill knows each table by. */
async function productionRows(engine: Engine, stats: StatsFile | undefined): Promise<Map<string, number>> {
  if (!stats) return new Map();
  const { rows } = await engine.query<{ name: string }>(
    `SELECT pg_catalog.quote_ident(s) || '.' || pg_catalog.quote_ident(n) AS name
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(s, n, i) ORDER BY i`,
    [stats.tables.map((t) => t.schema), stats.tables.map((t) => t.name)],
  );
  return new Map(rows.map((r, i) => [r.name, stats.tables[i]?.reltuples ?? -1]));
}

function fillNote(
  fill: FillResult,
  rowsPerTable: number,
  distributions: number,
  lowered: number | undefined,
): string[] {
  if (fill.filled.length === 0) return [];
  const perTable = lowered ?? rowsPerTable;
  const even = fill.filled.every((f) => f.rows === perTable);
  const counts = even
    ? `${perTable} in each empty table (${fill.filled.map((f) => f.table).join(', ')})`
    : fill.filled.map((f) => `${f.table} ${f.rows}`).join(', ');
  const spread = distributions > 0 ? `, ${distributions} column(s) spread as --distribution says` : '';
  const budget =
    lowered === undefined
      ? ''
      : ` (the default ${rowsPerTable} a table lowered to ${lowered}: ${SYNTHETIC_ROW_BUDGET.toLocaleString('en-US')} synthetic rows in all at most)`;
  return [
    `Synthetic rows: ${counts}${spread}${budget}, then VACUUM ANALYZE; the times are this machine's, the shape of the plan is what to read (--rows changes the count, --db uses real data).`,
  ];
}

function restoredNotes(file: string, stats: StatsFile, restored: RestoredStats): string[] {
  const list = (names: readonly string[]) => names.join(', ');
  return [
    `Production statistics from ${file} (PostgreSQL ${stats.server.version}, exported ${stats.exportedAt}) restored over the synthetic rows for ${restored.tables} table(s) and ${restored.columns} column(s): row estimates are production's, costs of reading pages are the synthetic rows' (docs/stats.md); plans are estimated, not run.`,
    ...(restored.refused > 0
      ? [
          `Statistics of ${restored.refused} column(s) refused (a type or column that differs from the schema).`,
        ]
      : []),
    ...(restored.missing.length > 0 ? [`In ${file} but not in the schema: ${list(restored.missing)}.`] : []),
    ...(restored.empty.length > 0
      ? [
          `No synthetic rows in ${list(restored.empty)}: the planner sees them empty whatever the statistics say.`,
        ]
      : []),
    ...(stats.skipped.length > 0
      ? [
          `The export skipped ${list(stats.skipped.map((s) => `${s.schema}.${s.name}`))}: their plans use synthetic statistics.`,
        ]
      : []),
  ];
}

/**
 * Rows and statistics for the embedded engine after the schema is loaded: synthetic rows in the
 * empty tables (--rows, --distribution), as many as production's up to the --rows count when a
 * stats file is given; then its statistics restored over them, after the fill's ANALYZE.
 */
export async function prepareEmbeddedData(
  engine: Engine,
  spec: SyntheticSpec,
  statsFile: string | undefined,
): Promise<EmbeddedData> {
  const stats = statsFile === undefined ? undefined : await readStatsFile(statsFile);
  const resolved = await resolveSpec(engine, spec);
  const production = await productionRows(engine, stats);
  const rowsFor = (table: string): number => {
    const known = production.get(table);
    const cap = resolved.tableRows.get(table) ?? spec.rowsPerTable;
    return known === undefined || known < 0 ? cap : Math.min(Math.ceil(known), cap);
  };
  let fill: FillResult | undefined;
  let lowered: number | undefined;
  if (spec.rowsPerTable > 0 || resolved.tableRows.size > 0) {
    const empty = await emptyTables(engine);
    // Refused (or the default lowered) before the first row goes in: the fill is what would hang.
    const budgeted = budgetRows({
      rows: new Map(empty.map((table) => [table, rowsFor(table)])),
      named: new Set(resolved.tableRows.keys()),
      defaultForOthers: spec.rowsPerTableIsDefault === true,
      ...(spec.rowsGivenBy !== undefined && { givenBy: spec.rowsGivenBy }),
    });
    lowered = budgeted.lowered;
    fill = await fillEmptyTables(
      engine,
      (table) => budgeted.rows.get(table) ?? 0,
      resolved.distributions,
      empty,
    );
  }
  const distributions = [...resolved.distributions.values()].reduce((n, m) => n + m.size, 0);
  const notes = [
    ...(fill ? fillNote(fill, spec.rowsPerTable, distributions, lowered) : []),
    ...(fill?.skipped ?? []).map((s) => `Left empty: ${s.table} (${s.reason}).`),
  ];
  if (!stats || statsFile === undefined || engine.serverVersion < RESTORE_STATS_VERSION)
    return { notes, estimatesOnly: false };
  const restored = await restoreStats(engine, stats);
  return { notes: [...notes, ...restoredNotes(statsFile, stats, restored)], estimatesOnly: true };
}

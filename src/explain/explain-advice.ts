import { duplicateNote } from '../advisor/advise-report.js';
import { adviseWorkload } from '../advisor/advise-workload.js';
import { indexAdviceMeta } from '../advisor/index-advice-meta.js';
import { suggestionDiagnostic } from '../advisor/suggestion-diagnostic.js';
import type { TrialMethod } from '../advisor/trial.js';
import { availableTrialMethod, trialMethodNote } from '../advisor/trial-method.js';
import { PLANNABLE, workloadQuery } from '../advisor/workload-query.js';
import { readCatalog } from '../catalog/read-catalog.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import type { Statement } from '../sql/statement.js';

/** One explained statement as the advisor sees it. */
export interface AdvisedStatement {
  readonly statement: Statement;
  readonly label: string;
  readonly file?: string;
}

export interface ExplainAdvice {
  readonly diagnostics: readonly Diagnostic[];
  readonly notes: readonly string[];
}

export const NO_HYPOPG_NOTE =
  'No index advice: this database has no HypoPG (CREATE EXTENSION hypopg, by its owner), and pgvigil never builds an index in your database; without --db, explain tries real indexes on the embedded engine loaded with --schema.';

/**
 * The advisor's suggestions for the explained statements, a workload of one query each: the
 * same index-advice findings `pgvigil advise` gives, proven the same way (real indexes rolled
 * back on the embedded engine, HypoPG on a server). `method` overrides the engine's own
 * (a scratch database copy of a server without HypoPG).
 */
export async function adviseExplained(
  engine: Engine,
  statements: readonly AdvisedStatement[],
  settings: ReadonlyMap<string, RuleSettings>,
  method?: TrialMethod,
): Promise<ExplainAdvice> {
  const rule = settings.get(indexAdviceMeta.id);
  const plannable = statements.filter((s) => PLANNABLE.has(s.statement.kind));
  if (rule?.enabled === false || plannable.length === 0) return { diagnostics: [], notes: [] };
  const trial = method ?? (await availableTrialMethod(engine));
  if (!trial) return { diagnostics: [], notes: [NO_HYPOPG_NOTE] };
  const catalog = await readCatalog(engine);
  const queries = plannable.map((s, id) =>
    workloadQuery(id, s.statement, catalog.tables, {
      label: s.label,
      ...(s.file !== undefined && { file: s.file }),
      weight: 1,
    }),
  );
  const thresholds = rule?.thresholds ?? {};
  const advice = await adviseWorkload(engine, trial, catalog, queries, {
    minSavedShare: thresholds.minSavedShare ?? 0.3,
    maxIndexes: thresholds.maxIndexes ?? 10,
  });
  const byId = new Map(queries.map((q) => [q.id, q]));
  const diagnostics = advice.suggestions.map((s) => ({
    ...suggestionDiagnostic(s, byId, trial),
    severity: rule?.severity ?? indexAdviceMeta.defaultSeverity,
  }));
  const outcome = diagnostics.length
    ? trialMethodNote(trial)
    : `Index advice: none. ${advice.trials.length} candidate ${advice.trials.length === 1 ? 'index' : 'indexes'} tried, none cut the planned cost by minSavedShare (${Math.round((thresholds.minSavedShare ?? 0.3) * 100)} %).`;
  return {
    diagnostics,
    notes: [
      outcome,
      ...advice.duplicates.map(duplicateNote),
      ...advice.failed.map((f) => `Could not try ${f}`),
    ],
  };
}

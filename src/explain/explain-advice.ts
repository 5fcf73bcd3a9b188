import { AdviseError } from '../advisor/advise-error.js';
import { duplicateNote } from '../advisor/advise-report.js';
import { adviseWorkload } from '../advisor/advise-workload.js';
import { indexAdviceMeta } from '../advisor/index-advice-meta.js';
import { suggestionDiagnostic } from '../advisor/suggestion-diagnostic.js';
import { type SiteOptions, withTrialSite } from '../advisor/trial-site.js';
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

/**
 * The advisor's suggestions for the explained statements, as one workload: the same index-advice
 * findings `pgvigil advise` gives, proven the same way (real indexes rolled back on the embedded
 * engine, HypoPG on a server, or a scratch copy of it with `scratch`). When indexes cannot be
 * tried, a note says why and the plan findings stand alone.
 */
export async function adviseExplained(
  engine: Engine,
  statements: readonly AdvisedStatement[],
  settings: ReadonlyMap<string, RuleSettings>,
  site: SiteOptions,
): Promise<ExplainAdvice> {
  const rule = settings.get(indexAdviceMeta.id);
  const plannable = statements.filter((s) => PLANNABLE.has(s.statement.kind));
  if (rule?.enabled === false || plannable.length === 0) return { diagnostics: [], notes: [] };
  const catalog = await readCatalog(engine);
  const queries = plannable.map((s, id) =>
    workloadQuery(id, s.statement, catalog.tables, {
      label: s.label,
      ...(s.file !== undefined && { file: s.file }),
      weight: 1,
    }),
  );
  const minSavedShare = rule?.thresholds.minSavedShare ?? 0.3;
  const maxIndexes = rule?.thresholds.maxIndexes ?? 10;
  try {
    return await withTrialSite(engine, catalog, site, async ({ engine: trialEngine, method, notes }) => {
      const advice = await adviseWorkload(trialEngine, method, catalog, queries, {
        minSavedShare,
        maxIndexes,
      });
      const byId = new Map(queries.map((q) => [q.id, q]));
      const diagnostics = advice.suggestions.map((s) => ({
        ...suggestionDiagnostic(s, byId, method),
        severity: rule?.severity ?? indexAdviceMeta.defaultSeverity,
      }));
      const outcome = diagnostics.length
        ? notes
        : [
            `Index advice: none. ${advice.trials.length} candidate ${advice.trials.length === 1 ? 'index' : 'indexes'} tried, none cut the planned cost by minSavedShare (${Math.round(minSavedShare * 100)} %).`,
          ];
      return {
        diagnostics,
        notes: [
          ...outcome,
          ...advice.duplicates.map(duplicateNote),
          ...advice.failed.map((f) => `Could not try ${f}`),
        ],
      };
    });
  } catch (error) {
    if (error instanceof AdviseError) return { diagnostics: [], notes: [error.userMessage] };
    throw error;
  }
}

import { adviseWorkload } from '../advisor/advise-workload.js';
import { statStatement } from '../advisor/stat-statement.js';
import { suggestionDiagnostic } from '../advisor/suggestion-diagnostic.js';
import { availableTrialMethod, trialMethodNote } from '../advisor/trial-method.js';
import type { WorkloadQuery } from '../advisor/workload.js';
import { PLANNABLE, planProblem, workloadQuery } from '../advisor/workload-query.js';
import type { CatalogSnapshot } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import type { RankedStatement } from './rank.js';

export interface AdviceOptions {
  readonly minSavedShare: number;
  readonly maxIndexes: number;
}

async function workloadOf(
  engine: Engine,
  catalog: CatalogSnapshot,
  ranked: readonly RankedStatement[],
): Promise<WorkloadQuery[]> {
  const queries: WorkloadQuery[] = [];
  for (const r of ranked) {
    const statement = statStatement(r.entry.query);
    if (!statement || !PLANNABLE.has(statement.kind)) continue;
    if ((await planProblem(engine, statement)) !== undefined) continue;
    const label = `#${r.rank} (queryid ${r.entry.queryid})`;
    const query = workloadQuery(queries.length, statement, catalog.tables, {
      label,
      weight: Math.max(r.totalMs, Number.EPSILON),
    });
    if (query.uses.length > 0) queries.push(query);
  }
  return queries;
}

/**
 * Index advice for the ranked statements, each weighing its time: HypoPG hypothetical indexes
 * only (nothing is built on the user's server), so without HypoPG a note says how to get it.
 */
export async function topAdvice(
  engine: Engine,
  catalog: CatalogSnapshot,
  ranked: readonly RankedStatement[],
  options: AdviceOptions,
): Promise<{ readonly diagnostics: readonly Diagnostic[]; readonly notes: readonly string[] }> {
  const method = await availableTrialMethod(engine);
  if (method !== 'hypopg')
    return {
      diagnostics: [],
      notes: [
        'No index advice: HypoPG is not installed in this database (CREATE EXTENSION hypopg, by its owner); pgvigil never builds an index on your server.',
      ],
    };
  const queries = await workloadOf(engine, catalog, ranked);
  const advice = await adviseWorkload(engine, method, catalog, queries, options);
  const byId = new Map(queries.map((q) => [q.id, q]));
  return {
    diagnostics: advice.suggestions.map((s) => suggestionDiagnostic(s, byId, method)),
    notes: [trialMethodNote(method), ...advice.failed.map((f) => `Could not try ${f}`)],
  };
}

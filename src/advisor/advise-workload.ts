import type { CatalogSnapshot, Index } from '../catalog/model.js';
import type { Engine } from '../engine/engine.js';
import { type CandidateOptions, candidatesFor } from './candidates.js';
import { readDistinctCounts } from './column-distinct.js';
import { duplicateOf } from './existing-index.js';
import { candidateId, type IndexCandidate } from './index-candidate.js';
import { type CandidateTrial, type Selected, selectIndexes } from './select-indexes.js';
import { baselineCosts, type TrialMethod, tryIndexes } from './trial.js';
import { type Costs, queriesOn, type WorkloadQuery } from './workload.js';

export interface Duplicate {
  readonly candidate: IndexCandidate;
  readonly existing: Index;
}

export interface WorkloadAdvice {
  readonly suggestions: readonly Selected[];
  readonly baseline: Costs;
  /** Costs with every suggested index in place at once (planned again, not added up). */
  readonly withSuggestions: Costs;
  /** Candidates left out because an existing index already is them. */
  readonly duplicates: readonly Duplicate[];
  /** Every candidate tried alone, with what it did to the queries on its table. */
  readonly trials: readonly CandidateTrial[];
  /** Candidates PostgreSQL refused to build, with its reason. */
  readonly failed: readonly string[];
}

/** Every distinct candidate of the workload, without those an existing index already is. */
function candidatesOf(
  queries: readonly WorkloadQuery[],
  indexes: readonly Index[],
  options: CandidateOptions,
  method: TrialMethod,
) {
  const candidates = new Map<string, IndexCandidate>();
  const duplicates: Duplicate[] = [];
  for (const use of queries.flatMap((q) => q.uses))
    for (const candidate of candidatesFor(use, options)) {
      const id = candidateId(candidate);
      if (candidates.has(id) || duplicates.some((d) => candidateId(d.candidate) === id)) continue;
      const existing = duplicateOf(candidate, indexes);
      // HypoPG makes btree (and hash, BRIN, bloom) indexes only: GIN is tried on the embedded engine.
      if (existing) duplicates.push({ candidate, existing });
      else if (method === 'rollback' || candidate.method === 'btree') candidates.set(id, candidate);
    }
  return { candidates: [...candidates.values()], duplicates };
}

export async function trialsOf(
  method: TrialMethod,
  engine: Engine,
  candidates: readonly IndexCandidate[],
  queries: readonly WorkloadQuery[],
): Promise<{ trials: CandidateTrial[]; failed: string[] }> {
  const trials: CandidateTrial[] = [];
  const failed: string[] = [];
  for (const candidate of candidates) {
    try {
      const outcome = await tryIndexes(method, engine, [candidate], queriesOn(queries, candidate.table));
      trials.push({
        candidate,
        sizeBytes: outcome.sizes[0] ?? 0,
        costs: outcome.costs,
        users: outcome.users,
      });
    } catch (error) {
      failed.push(`${candidateId(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { trials, failed };
}

/** The advisor on an open engine: candidates, trials, selection, and the workload with the chosen indexes. */
export async function adviseWorkload(
  engine: Engine,
  method: TrialMethod,
  catalog: CatalogSnapshot,
  queries: readonly WorkloadQuery[],
  options: { readonly minSavedShare: number; readonly maxIndexes: number },
): Promise<WorkloadAdvice> {
  const trigram = catalog.extensions.some((e) => e.name === 'pg_trgm');
  const distinct = await readDistinctCounts(engine);
  const { candidates, duplicates } = candidatesOf(queries, catalog.indexes, { trigram, distinct }, method);
  const baseline = (await baselineCosts(engine, queries)).costs;
  const { trials, failed } = await trialsOf(method, engine, candidates, queries);
  const weights = new Map(queries.map((q) => [q.id, q.weight]));
  const suggestions = selectIndexes(trials, baseline, { ...options, weights });
  const chosen = suggestions.map((s) => s.trial.candidate);
  const withSuggestions = chosen.length
    ? (await tryIndexes(method, engine, chosen, queries)).costs
    : baseline;
  return { suggestions, baseline, withSuggestions, duplicates, trials, failed };
}

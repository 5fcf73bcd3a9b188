import type { CandidateTrial } from '../../src/advisor/select-indexes.js';

/** Workload cost when each query takes the cheapest of the chosen indexes (one index per table access). */
export function modelCost(
  chosen: readonly CandidateTrial[],
  queries: readonly number[],
  baseline: ReadonlyMap<number, number>,
): number {
  return queries.reduce((sum, q) => {
    const costs = chosen.filter((t) => t.users.has(q)).map((t) => t.costs.get(q) ?? Number.POSITIVE_INFINITY);
    return sum + Math.min(baseline.get(q) ?? 0, ...costs);
  }, 0);
}

function* subsets<T>(items: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++)
    for (const rest of subsets(items, size - 1, i + 1)) yield [items[i] as T, ...rest];
}

/**
 * The best set of at most `budget` candidates by the per-index cost model, over every subset of
 * the candidates that help some query of the subset workload.
 */
export function exhaustiveOptimum(
  trials: readonly CandidateTrial[],
  queries: readonly number[],
  baseline: ReadonlyMap<number, number>,
  budget: number,
): { readonly chosen: readonly CandidateTrial[]; readonly subsets: number } {
  const pool = trials.filter((t) =>
    queries.some(
      (q) => t.users.has(q) && (t.costs.get(q) ?? Number.POSITIVE_INFINITY) < (baseline.get(q) ?? 0),
    ),
  );
  let best: CandidateTrial[] = [];
  let bestCost = modelCost([], queries, baseline);
  let count = 0;
  for (let size = 1; size <= Math.min(budget, pool.length); size++)
    for (const set of subsets(pool, size)) {
      count++;
      const cost = modelCost(set, queries, baseline);
      if (cost < bestCost - 1e-9) {
        best = set;
        bestCost = cost;
      }
    }
  return { chosen: best, subsets: count };
}

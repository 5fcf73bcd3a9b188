import { candidateId, columnKey, type IndexCandidate } from '../../src/advisor/index-candidate.js';
import type { CandidateTrial } from '../../src/advisor/select-indexes.js';
import type { WorkloadQuery } from '../../src/advisor/workload.js';

/** Dexter's savings rule: an index (or a second column) must cut the cost by half. */
const DEXTER_SAVINGS = 0.5;

/**
 * Dexter's published method (github.com/ankane/dexter): per query, single-column indexes on every
 * column it references and ordered pairs of them, all ascending btrees; the best single column is
 * kept when it saves 50 % of the query's cost, the best pair instead when it saves a further 50 %
 * of that; at most one index per query. No partial, expression, INCLUDE, DESC or GIN indexes.
 */
export function dexterCandidates(queries: readonly WorkloadQuery[]): IndexCandidate[] {
  const found = new Map<string, IndexCandidate>();
  for (const use of queries.flatMap((q) => q.uses)) {
    const columns = use.referenced === '*' ? use.table.columns.map((c) => c.name) : use.referenced;
    const add = (keys: readonly string[]) => {
      const candidate: IndexCandidate = {
        table: use.table.qualified,
        method: 'btree',
        keys: keys.map((c) => columnKey(c)),
        include: [],
      };
      found.set(candidateId(candidate), candidate);
    };
    for (const a of columns) {
      add([a]);
      for (const b of columns) if (a !== b) add([a, b]);
    }
  }
  return [...found.values()];
}

/** The index Dexter keeps for each query, deduplicated: its whole suggestion. */
export function dexterSelection(
  queries: readonly WorkloadQuery[],
  trials: readonly CandidateTrial[],
  baseline: ReadonlyMap<number, number>,
): IndexCandidate[] {
  const chosen = new Map<string, IndexCandidate>();
  for (const query of queries) {
    const base = baseline.get(query.id) ?? 0;
    const usable = trials.filter((t) => t.users.has(query.id) && t.costs.has(query.id));
    const best = (width: number) =>
      usable
        .filter((t) => t.candidate.keys.length === width)
        .sort((a, b) => (a.costs.get(query.id) ?? 0) - (b.costs.get(query.id) ?? 0))[0];
    const single = best(1);
    const singleCost = single?.costs.get(query.id) ?? base;
    if (!single || singleCost > base * (1 - DEXTER_SAVINGS)) continue;
    const pair = best(2);
    const pick =
      pair && (pair.costs.get(query.id) ?? base) <= singleCost * (1 - DEXTER_SAVINGS) ? pair : single;
    chosen.set(candidateId(pick.candidate), pick.candidate);
  }
  return [...chosen.values()];
}

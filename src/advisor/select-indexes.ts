import type { IndexCandidate } from './index-candidate.js';
import type { Costs } from './workload.js';

/** One candidate tried alone: the costs of the queries on its table, and which plans used it. */
export interface CandidateTrial {
  readonly candidate: IndexCandidate;
  readonly sizeBytes: number;
  readonly costs: Costs;
  readonly users: ReadonlySet<number>;
}

export interface QueryGain {
  readonly query: number;
  readonly before: number;
  readonly after: number;
}

export interface Selected {
  readonly trial: CandidateTrial;
  /** The queries this index is the one to speed up, with their costs before and with it. */
  readonly helped: readonly QueryGain[];
  /** Σ weight × cost saved over `helped`, given the indexes chosen before it. */
  readonly benefit: number;
}

export interface SelectionOptions {
  /** A query counts as helped when the index saves at least this share of its cost. */
  readonly minSavedShare: number;
  readonly maxIndexes: number;
  readonly weights: ReadonlyMap<number, number>;
}

/**
 * Candidates whose benefit is within this share of the best are near ties: the smallest of them
 * wins (an extra key or INCLUDE column the planner barely values costs space and writes).
 */
const NEAR_TIE = 0.9;

function helpedBy(trial: CandidateTrial, baseline: Costs, minSavedShare: number): number[] {
  return [...trial.users].filter((q) => {
    const before = baseline.get(q);
    const after = trial.costs.get(q);
    return before !== undefined && after !== undefined && after <= before * (1 - minSavedShare);
  });
}

/**
 * What a candidate adds given the costs the indexes taken so far leave: a query counts only when
 * the candidate saves a further minSavedShare of its original cost (a second index for a query
 * already served must earn its keep like the first).
 */
function gainOf(
  trial: CandidateTrial,
  queries: readonly number[],
  current: Costs,
  baseline: Costs,
  options: SelectionOptions,
) {
  const helped: QueryGain[] = [];
  let benefit = 0;
  for (const q of queries) {
    const before = current.get(q) ?? 0;
    const after = trial.costs.get(q) ?? before;
    if (before - after < (baseline.get(q) ?? 0) * options.minSavedShare) continue;
    helped.push({ query: q, before, after });
    benefit += (options.weights.get(q) ?? 1) * (before - after);
  }
  return { helped, benefit };
}

/**
 * Greedy whole-workload selection: repeatedly take the candidate saving the most weighted cost on
 * the queries it helps, given the indexes already taken (so one whose benefit another already
 * gives is left out), until the budget is spent or nothing saves anything more.
 */
export function selectIndexes(
  trials: readonly CandidateTrial[],
  baseline: Costs,
  options: SelectionOptions,
): Selected[] {
  const eligible = trials
    .map((trial) => ({ trial, queries: helpedBy(trial, baseline, options.minSavedShare) }))
    .filter((t) => t.queries.length > 0);
  const current = new Map(baseline);
  const chosen: Selected[] = [];
  while (chosen.length < options.maxIndexes) {
    const scored = eligible
      .filter((t) => !chosen.some((c) => c.trial === t.trial))
      .map((t) => ({ trial: t.trial, ...gainOf(t.trial, t.queries, current, baseline, options) }))
      .filter((t) => t.benefit > 0);
    const best = Math.max(0, ...scored.map((t) => t.benefit));
    if (best <= 0) break;
    const pick = scored
      .filter((t) => t.benefit >= best * NEAR_TIE)
      .sort((a, b) => a.trial.sizeBytes - b.trial.sizeBytes || b.benefit - a.benefit)[0];
    if (!pick) break;
    chosen.push(pick);
    for (const gain of pick.helped) current.set(gain.query, gain.after);
  }
  return chosen;
}

import type { BloatEstimate } from '../../live/bloat-estimate.js';
import { bytes, percent } from '../../live/format.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRuleContext, threshold } from './live-rule.js';

/** Thresholds shared by the table and the index bloat rule. */
export const BLOAT_THRESHOLDS = {
  minBloatBytes: { default: 104_857_600, description: 'estimated wasted bytes before it is reported' },
  minBloatShare: { default: 0.5, description: 'estimated wasted share of the relation' },
} as const;

/** The estimates of one kind over both thresholds, each made into a finding by `describe`. */
export function bloatFindings(
  ctx: LiveRuleContext,
  kind: BloatEstimate['kind'],
  describe: (estimate: BloatEstimate, share: string) => Omit<Finding, 'file' | 'data'>,
): readonly Finding[] {
  return ctx.facts.bloat.flatMap((estimate): Finding[] => {
    const share = estimate.bloatBytes / Math.max(estimate.sizeBytes, 1);
    if (
      estimate.kind !== kind ||
      estimate.bloatBytes < threshold(ctx, 'minBloatBytes') ||
      share < threshold(ctx, 'minBloatShare')
    )
      return [];
    return [
      {
        ...describe(
          estimate,
          `about ${bytes(estimate.bloatBytes)} of its ${bytes(estimate.sizeBytes)} (${percent(share)}), estimated`,
        ),
        file: ctx.facts.target,
        data: {
          relation: estimate.relation,
          table: estimate.table,
          sizeBytes: estimate.sizeBytes,
          bloatBytes: estimate.bloatBytes,
          estimate: true,
        },
      },
    ];
  });
}

export const ESTIMATE_NOTE =
  'This is an estimate from the planner statistics (average row width in pg_stats against the pages the relation has), not a measurement: check with the pgstattuple extension before acting.';

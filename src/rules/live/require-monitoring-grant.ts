import type { LiveRule } from './live-rule.js';

/** Not a problem of the database: what this run could not see, so nobody reads silence as health. */
export const requireMonitoringGrant: LiveRule = {
  meta: {
    id: 'require-monitoring-grant',
    group: 'live',
    category: 'security',
    defaultSeverity: 'info',
    summary:
      'Some statistics could not be read (the role lacks a grant, or a lock held the catalog): those checks were skipped, and what would allow them is named.',
  },
  scope: 'server',
  check(ctx) {
    const { skipped } = ctx.facts;
    if (skipped.length === 0) return [];
    const grants = [...new Set(skipped.map((s) => s.grant))];
    return [
      {
        message: `Health of ${ctx.facts.target} is partial: ${skipped.map((s) => s.what).join('; ')} could not be read.`,
        why: 'A check that cannot read its view finds nothing, which is not the same as finding that all is well.',
        help: `To see everything: ${grants.join('; ')}.`,
        file: ctx.facts.target,
        data: { skipped },
      },
    ];
  },
};

import type { LiveRule } from './live-rule.js';

/** Not a problem of the database: what this run could not see, so nobody reads silence as health. */
export const requireMonitoringGrant: LiveRule = {
  meta: {
    id: 'require-monitoring-grant',
    group: 'live',
    category: 'security',
    defaultSeverity: 'info',
    summary:
      'The role pgvigil connected as may not read some statistics: those checks were skipped, and the grant that would allow them is named.',
  },
  scope: 'server',
  check(ctx) {
    const { skipped } = ctx.facts;
    if (skipped.length === 0) return [];
    const grants = [...new Set(skipped.map((s) => s.grant))];
    return [
      {
        message: `Health of ${ctx.facts.target} is partial: ${skipped.map((s) => s.what).join('; ')} could not be read with this role.`,
        why: 'A check that cannot read its view finds nothing, which is not the same as finding that all is well.',
        help: `To see everything, as a superuser: ${grants.join('; ')}.`,
        file: ctx.facts.target,
        data: { skipped },
      },
    ];
  },
};

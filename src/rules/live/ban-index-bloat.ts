import { BLOAT_THRESHOLDS, bloatFindings, ESTIMATE_NOTE } from './bloat-finding.js';
import type { LiveRule } from './live-rule.js';

export const banIndexBloat: LiveRule = {
  meta: {
    id: 'ban-index-bloat',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'A btree index is estimated to be mostly empty space (an estimate from the statistics).',
    thresholds: BLOAT_THRESHOLDS,
  },
  scope: 'database',
  check: (ctx) =>
    bloatFindings(ctx, 'index', (estimate, share) => ({
      message: `Index ${estimate.relation} on ${estimate.table} is bloated: ${share}.`,
      why: `A bloated index is deeper and larger than it needs to be: lookups read more pages and it takes cache from useful data. ${ESTIMATE_NOTE}`,
      help: 'Rebuild it without blocking writes (PostgreSQL 12+).',
      suggestedSql: `REINDEX INDEX CONCURRENTLY ${estimate.relation};`,
    })),
};

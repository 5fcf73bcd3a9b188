import { BLOAT_THRESHOLDS, bloatFindings, ESTIMATE_NOTE } from './bloat-finding.js';
import type { LiveRule } from './live-rule.js';

export const banTableBloat: LiveRule = {
  meta: {
    id: 'ban-table-bloat',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A table is estimated to be mostly empty space left by dead rows (an estimate from the statistics).',
    thresholds: BLOAT_THRESHOLDS,
  },
  scope: 'database',
  check: (ctx) =>
    bloatFindings(ctx, 'table', (estimate, share) => ({
      message: `Table ${estimate.table} is bloated: ${share}.`,
      why: `Sequential scans and VACUUM read the empty pages too, and the space is not given back to the operating system. ${ESTIMATE_NOTE}`,
      help: 'Rewrite it without blocking writes with pg_repack (or pg_squeeze); VACUUM FULL also works but holds ACCESS EXCLUSIVE for the whole rewrite. Then find why it bloated (autovacuum lag, long transactions).',
      suggestedSql: `-- online: pg_repack --table=${estimate.table} <dbname>\nVACUUM (FULL, VERBOSE) ${estimate.table}; -- blocks reads and writes while it runs`,
    })),
};

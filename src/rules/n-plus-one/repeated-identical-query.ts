import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil n1` on logs and traces. */
export const repeatedIdenticalQuery: RuleMeta = {
  id: 'repeated-identical-query',
  group: 'n-plus-one',
  category: 'performance',
  defaultSeverity: 'warning',
  summary:
    'The same read runs again and again with the same parameters in one unit: its result could be reused.',
  thresholds: {
    minRepeats: {
      default: 5,
      description: 'executions in a row of one read with the same parameters in one unit',
    },
  },
};

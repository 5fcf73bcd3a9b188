import type { RuleMeta } from '../diagnostics/rule-meta.js';

/** `pgvigil advise`: one finding per suggested index, proven by the planner's costs with and without it. */
export const indexAdviceMeta: RuleMeta = {
  id: 'index-advice',
  group: 'plan',
  category: 'performance',
  defaultSeverity: 'info',
  summary:
    'An index the planner would use, chosen for the whole workload and proven by planning each query with and without it.',
  thresholds: {
    minSavedShare: {
      default: 0.3,
      description: 'Share of a query’s planned cost an index must save for that query to count as helped',
    },
    maxIndexes: {
      default: 10,
      description: 'Index budget: at most this many suggestions for the workload (--max-indexes)',
    },
  },
};

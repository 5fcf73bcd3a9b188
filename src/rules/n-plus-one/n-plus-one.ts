import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil n1` on logs and traces, and by `check` and `n1` on application code. */
export const nPlusOne: RuleMeta = {
  id: 'n-plus-one',
  group: 'n-plus-one',
  category: 'performance',
  defaultSeverity: 'warning',
  summary:
    'A query runs once per row of another query (in a log, a trace or a loop in the code) where one batched query would do.',
  thresholds: {
    minRepeats: {
      default: 5,
      description:
        'executions in a row, with different parameters, of one query (or a sequence of two or three) in one unit',
    },
    idleGapMs: {
      default: 100,
      description:
        'a pause of more than this many ms between two queries of one log session ends the unit: a pooled connection serving its next request, not a loop (needs millisecond log times: %m, %n, csvlog, jsonlog)',
    },
  },
};

import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/**
 * Judged by `pgvigil n1` and `check` on application code. Before 0.1 these findings were reported as
 * n-plus-one; the code's cause and the database's symptom now have ids of their own.
 */
export const noQueryInLoop: RuleMeta = {
  id: 'no-query-in-loop',
  group: 'n-plus-one',
  category: 'performance',
  defaultSeverity: 'warning',
  summary:
    'A database call runs once per item of a loop in the application code (an N+1 by construction) where one batched query would do.',
};

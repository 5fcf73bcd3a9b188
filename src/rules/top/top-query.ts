import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** `pgvigil top`: one finding per ranked statement, carrying its figures from pg_stat_statements. */
export const topQuery: RuleMeta = {
  id: 'top-query',
  group: 'live',
  category: 'performance',
  defaultSeverity: 'info',
  summary:
    'One of the statements that cost the database the most time (planning plus execution) in pg_stat_statements, with its calls, mean, rows per call and blocks read.',
};

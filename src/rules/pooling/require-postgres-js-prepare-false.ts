import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil pooling` on application code, when a pooler is in front. */
export const requirePostgresJsPrepareFalse: RuleMeta = {
  id: 'require-postgres-js-prepare-false',
  group: 'pooling',
  category: 'pooling',
  defaultSeverity: 'error',
  summary:
    'A postgres.js client behind a transaction-mode pooler without prepare: false: its named prepared statements break.',
};

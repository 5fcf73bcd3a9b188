import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil pooling` on application code. */
export const banNamedPreparedStatement: RuleMeta = {
  id: 'ban-named-prepared-statement',
  group: 'pooling',
  category: 'pooling',
  defaultSeverity: 'warning',
  summary:
    'A node-postgres query with a name ({ name, text }) is a named prepared statement, kept per server connection.',
};

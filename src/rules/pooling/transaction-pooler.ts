import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** What `pgvigil pooling` found between the application and the server. */
export const transactionPooler: RuleMeta = {
  id: 'transaction-pooler',
  group: 'pooling',
  category: 'pooling',
  defaultSeverity: 'info',
  summary:
    'Whether a transaction-mode pooler (PgBouncer, Supavisor) sits in front of the database, and how pgvigil knows.',
};

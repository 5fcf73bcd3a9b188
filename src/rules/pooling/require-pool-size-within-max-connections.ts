import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil pooling --db` from the pools found in code and config. */
export const requirePoolSizeWithinMaxConnections: RuleMeta = {
  id: 'require-pool-size-within-max-connections',
  group: 'pooling',
  category: 'pooling',
  defaultSeverity: 'error',
  summary:
    'The application pools, times the instances, can open more connections than the server accepts (max_connections minus reserved).',
};

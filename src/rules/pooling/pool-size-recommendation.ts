import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** The pool size `pgvigil pooling` recommends, with its reasoning. */
export const poolSizeRecommendation: RuleMeta = {
  id: 'pool-size-recommendation',
  group: 'pooling',
  category: 'pooling',
  defaultSeverity: 'info',
  summary:
    'A recommended pool size per instance: the core-count rule of thumb, the observed active-connection peak and the server limit.',
  thresholds: {
    connectionsPerCore: {
      default: 2,
      description: 'server connections that keep one core busy (the cores × 2 rule of thumb)',
    },
  },
};

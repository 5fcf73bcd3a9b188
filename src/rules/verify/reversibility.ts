import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil verify`: up, down, up again, and the catalog compared at each step. */
export const reversibility: RuleMeta = {
  id: 'reversibility',
  group: 'verify',
  category: 'reversibility',
  defaultSeverity: 'error',
  summary:
    'A down step does not restore the schema the up step started from, or the up step gives another schema when run again after it.',
};

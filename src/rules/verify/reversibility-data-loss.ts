import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil verify` with synthetic rows in every table the up step drops or retypes. */
export const reversibilityDataLoss: RuleMeta = {
  id: 'reversibility-data-loss',
  group: 'verify',
  category: 'reversibility',
  defaultSeverity: 'warning',
  summary:
    'The up step drops or narrows a table or column holding rows; the down step brings back its shape but not the data.',
};

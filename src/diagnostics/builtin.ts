import type { RuleMeta } from './rule-meta.js';

/**
 * Diagnostics that come from reading input rather than from a rule's check.
 * They are in the registry like rules (docs page, SARIF rule table) but cannot be turned off.
 */
export const SYNTAX_ERROR: RuleMeta = {
  id: 'syntax-error',
  group: 'input',
  category: 'correctness',
  defaultSeverity: 'error',
  summary: 'The SQL does not parse with the PostgreSQL parser.',
};

export const STATEMENT_FAILED: RuleMeta = {
  id: 'statement-failed',
  group: 'input',
  category: 'correctness',
  defaultSeverity: 'error',
  summary: 'The statement parses but PostgreSQL rejects it when it runs against the schema as it stands.',
};

export const UNKNOWN_IGNORE_RULE: RuleMeta = {
  id: 'unknown-ignore-rule',
  group: 'input',
  category: 'style',
  defaultSeverity: 'warning',
  summary: 'A pgvigil-ignore comment names a rule id that does not exist.',
};

export const UNSUPPORTED_INPUT: RuleMeta = {
  id: 'unsupported-input',
  group: 'input',
  category: 'correctness',
  defaultSeverity: 'warning',
  summary:
    'Part of an input file cannot be run by pgvigil (for example a psql meta-command) and was skipped.',
};

export const BUILTIN_METAS: readonly RuleMeta[] = [
  SYNTAX_ERROR,
  STATEMENT_FAILED,
  UNKNOWN_IGNORE_RULE,
  UNSUPPORTED_INPUT,
];

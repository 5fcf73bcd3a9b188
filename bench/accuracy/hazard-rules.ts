import { allRuleMetas } from '../../src/rules/registry.js';
import type { Claim } from './tool-run.js';

/**
 * What each tool's findings claim (see tool-run.ts). Style rules, timeout policy (lock_timeout /
 * statement_timeout) and compatibility rules claim nothing: the cases measure what PostgreSQL does,
 * not what a team prefers. docs/accuracy.md gives the reason for every peer rule below; a finding
 * that earns a hazardous case by saying "rows are rewritten/scanned" is read the same way on a case
 * where PostgreSQL was measured not to touch them.
 */

/** pgvigil rules that claim nothing PostgreSQL does (opt-in timeout policy). */
export const PGVIGIL_NOT_COUNTED: ReadonlySet<string> = new Set(['require-lock-timeout']);

/**
 * pgvigil: a refused statement, and its correctness rules (PostgreSQL would refuse), claim a refusal;
 * locking rules whose hazard lasts as long as work over every row (meta.scalesWithTable) claim work;
 * the other locking rules claim a lock.
 */
export function pgvigilClaim(rule: string): Claim | undefined {
  if (rule === 'statement-failed') return 'refusal';
  const meta = allRuleMetas.find((m) => m.id === rule);
  if (meta?.group !== 'migration' || PGVIGIL_NOT_COUNTED.has(rule)) return undefined;
  if (meta.category === 'correctness') return 'refusal';
  if (meta.category !== 'locking') return undefined;
  return meta.scalesWithTable ? 'work' : 'lock';
}

export const SQUAWK_CLAIMS: Readonly<Record<string, Claim>> = {
  'adding-field-with-default': 'work',
  'adding-foreign-key-constraint': 'work',
  'adding-not-nullable-field': 'work',
  'adding-primary-key-constraint': 'work',
  'adding-serial-primary-key-field': 'work',
  'ban-alter-domain-with-add-constraint': 'work',
  'ban-concurrent-index-creation-in-transaction': 'refusal',
  'changing-column-type': 'work',
  'constraint-missing-not-valid': 'work',
  'disallowed-unique-constraint': 'work',
  'require-concurrent-index-creation': 'work',
  'require-concurrent-index-deletion': 'lock',
  'require-concurrent-partition-detach': 'lock',
  'require-concurrent-reindex': 'work',
};

export function squawkClaim(rule: string): Claim | undefined {
  return SQUAWK_CLAIMS[rule];
}

export const PGFENCE_CLAIMS: Readonly<Record<string, Claim>> = {
  'add-column-default-pre-pg11': 'work',
  'add-column-non-constant-default': 'work',
  'add-column-stored-generated': 'work',
  'add-constraint-check-no-not-valid': 'work',
  'add-constraint-exclude': 'work',
  'add-constraint-fk-no-not-valid': 'work',
  'add-constraint-unique': 'work',
  'add-pk-without-using-index': 'work',
  'alter-column-set-not-null': 'work',
  'alter-column-type': 'work',
  'concurrent-in-transaction': 'refusal',
  'create-index-not-concurrent': 'work',
  'delete-without-where': 'work',
  'drop-index-not-concurrent': 'lock',
  'not-valid-validate-same-tx': 'work',
  'statement-after-access-exclusive': 'lock',
  'update-in-migration': 'work',
  'vacuum-full': 'work',
};

/** pgfence reports a metadata-only type change under alter-column-type too, at risk LOW: that one is its "no rewrite". */
export function pgfenceClaim(rule: string, risk?: string): Claim | undefined {
  if (rule === 'alter-column-type' && risk === 'LOW') return undefined;
  return PGFENCE_CLAIMS[rule];
}

import { allRuleMetas } from '../../src/rules/registry.js';

/**
 * Which findings of each tool claim a lock, rewrite, scan or failure hazard. Style rules, timeout
 * policy (lock_timeout / statement_timeout) and compatibility rules do not count: the cases measure
 * what PostgreSQL does, not what a team prefers.
 */

/** pgvigil: its migration rules in the locking and correctness categories, plus a refused statement. */
export const PGVIGIL_NOT_COUNTED: ReadonlySet<string> = new Set(['require-lock-timeout']);

export function pgvigilHazard(rule: string): boolean {
  if (rule === 'statement-failed') return true;
  const meta = allRuleMetas.find((m) => m.id === rule);
  return (
    meta?.group === 'migration' &&
    (meta.category === 'locking' || meta.category === 'correctness') &&
    !PGVIGIL_NOT_COUNTED.has(rule)
  );
}

export const SQUAWK_HAZARD_RULES: ReadonlySet<string> = new Set([
  'adding-field-with-default',
  'adding-foreign-key-constraint',
  'adding-not-nullable-field',
  'adding-primary-key-constraint',
  'adding-serial-primary-key-field',
  'ban-alter-domain-with-add-constraint',
  'ban-concurrent-index-creation-in-transaction',
  'changing-column-type',
  'constraint-missing-not-valid',
  'disallowed-unique-constraint',
  'require-concurrent-index-creation',
  'require-concurrent-index-deletion',
  'require-concurrent-partition-detach',
  'require-concurrent-reindex',
]);

export function squawkHazard(rule: string): boolean {
  return SQUAWK_HAZARD_RULES.has(rule);
}

export const PGFENCE_HAZARD_RULES: ReadonlySet<string> = new Set([
  'add-column-default-pre-pg11',
  'add-column-non-constant-default',
  'add-column-serial',
  'add-column-stored-generated',
  'add-constraint-check-no-not-valid',
  'add-constraint-exclude',
  'add-constraint-fk-no-not-valid',
  'add-constraint-unique',
  'add-pk-without-using-index',
  'alter-column-set-not-null',
  'alter-column-type',
  'concurrent-in-transaction',
  'create-index-not-concurrent',
  'delete-without-where',
  'drop-index-not-concurrent',
  'not-valid-validate-same-tx',
  'statement-after-access-exclusive',
  'update-in-migration',
  'vacuum-full',
]);

/** pgfence reports a metadata-only type change under alter-column-type too, at risk LOW: that one is its "no rewrite". */
export function pgfenceHazard(rule: string, risk?: string): boolean {
  if (rule === 'alter-column-type' && risk === 'LOW') return false;
  return PGFENCE_HAZARD_RULES.has(rule);
}

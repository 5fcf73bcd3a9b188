import { STATEMENT_FAILED, SYNTAX_ERROR } from '../diagnostics/builtin.js';
import { applyMigration, type MigrationEnvironment } from '../migrate/apply-migration.js';
import type { SqlFile } from '../project/sql-file.js';
import type { Migration, MigrationStep } from '../sources/migrations/migration.js';

const FAILURES: ReadonlySet<string> = new Set([STATEMENT_FAILED.id, SYNTAX_ERROR.id]);

/**
 * Runs one step of a migration as its tool would, in the transaction mode given: the up step's
 * by default. The tools wrap both directions alike, except dbmate, whose down section has a
 * `transaction:false` of its own (downInTransaction).
 */
export function runStep(
  env: MigrationEnvironment,
  migration: Migration,
  step: MigrationStep,
  inTransaction = migration.inTransaction,
): Promise<SqlFile> {
  return applyMigration(env, { ...migration, up: step, inTransaction });
}

/** Whether PostgreSQL refused a statement of the step, or the step does not parse. */
export function stepFailed(step: SqlFile): boolean {
  return step.diagnostics.some((diagnostic) => FAILURES.has(diagnostic.rule));
}

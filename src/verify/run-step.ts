import { STATEMENT_FAILED, SYNTAX_ERROR } from '../diagnostics/builtin.js';
import { applyMigration, type MigrationEnvironment } from '../migrate/apply-migration.js';
import type { SqlFile } from '../project/sql-file.js';
import type { Migration, MigrationStep } from '../sources/migrations/migration.js';

const FAILURES: ReadonlySet<string> = new Set([STATEMENT_FAILED.id, SYNTAX_ERROR.id]);

/**
 * Runs one step of a migration as its tool would. A down step runs in the up step's transaction
 * mode, the one the loaders record: the tools wrap both directions alike, except that dbmate can
 * set `transaction:false` on each section's marker line.
 */
export function runStep(
  env: MigrationEnvironment,
  migration: Migration,
  step: MigrationStep,
): Promise<SqlFile> {
  return applyMigration(env, { ...migration, up: step });
}

/** Whether PostgreSQL refused a statement of the step, or the step does not parse. */
export function stepFailed(step: SqlFile): boolean {
  return step.diagnostics.some((diagnostic) => FAILURES.has(diagnostic.rule));
}

import type { Severity } from '../../diagnostics/diagnostic.js';
import type { RuleMeta } from '../../diagnostics/rule-meta.js';
import type { MigrationFormat } from '../../sources/migrations/migration.js';

export const requireDownMigration: RuleMeta = {
  id: 'require-down-migration',
  group: 'verify',
  category: 'reversibility',
  defaultSeverity: 'error',
  summary: 'A migration has no down step, so it cannot be rolled back with its tool.',
};

/**
 * Tools without down steps get an info, not an error: nobody can add what the tool cannot run.
 * Prisma Migrate has no down migrations (its docs: generate one with `migrate diff` and run it
 * by hand); drizzle-kit has no rollback; a plain folder of .sql files has no convention for
 * one; Flyway's undo (U…sql) is a paid-edition feature, so most Flyway projects have none.
 * golang-migrate, dbmate, node-pg-migrate, sqitch and pop all run downs (or reverts).
 * A severity set in the config wins over both.
 */
const WITHOUT_DOWNS: ReadonlySet<MigrationFormat> = new Set(['prisma', 'drizzle', 'plain', 'flyway']);

export function missingDownSeverity(format: MigrationFormat): Severity {
  return WITHOUT_DOWNS.has(format) ? 'info' : requireDownMigration.defaultSeverity;
}

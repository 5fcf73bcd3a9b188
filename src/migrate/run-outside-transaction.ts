import type { MigrationFormat } from '../sources/migrations/migration.js';

/**
 * How to get one statement out of the tool's transaction (CREATE INDEX CONCURRENTLY, DROP INDEX
 * CONCURRENTLY, VACUUM and friends refuse to run in one), per tool, as each tool documents it.
 */
const ADVICE: Readonly<Record<MigrationFormat, string>> = {
  'golang-migrate':
    'Put the statement alone in a migration file of its own: golang-migrate sends a file as one query, and a single statement runs outside any transaction.',
  plain: 'Remove the BEGIN/COMMIT around the statement: psql runs each statement on its own.',
  dbmate:
    'Move the statement to a migration of its own whose up line reads `-- migrate:up transaction:false`, with no other statement in that section.',
  flyway:
    'Put the statement alone in a migration of its own (Flyway then runs it outside a transaction), or set executeInTransaction=false in a V…sql.conf file beside it.',
  'node-pg-migrate':
    'SQL migrations always run in a transaction: write this migration in JavaScript or TypeScript and call pgm.noTransaction() in it.',
  sqitch:
    'Remove the BEGIN/COMMIT around the statement in the deploy script: sqitch runs the script as psql would.',
  prisma:
    'Put the statement alone in a migration.sql of its own: Prisma sends one statement without a transaction.',
  drizzle:
    'drizzle-kit migrate runs every pending migration in one transaction: run this statement outside it (a separate script after the deploy).',
  pop: 'Put the statement alone in a migration whose file name contains `.autocommit.` (e.g. `…_name.autocommit.up.sql`).',
};

export function runOutsideTransactionAdvice(format: MigrationFormat): string {
  return ADVICE[format];
}

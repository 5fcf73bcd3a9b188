import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import type { MigrationRule } from '../migration-rule.js';

/** SQLSTATE 25001: "... cannot run inside a transaction block". */
const ACTIVE_SQL_TRANSACTION = '25001';

export const banConcurrentInTransaction: MigrationRule = {
  meta: {
    id: 'ban-concurrent-in-transaction',
    group: 'migration',
    category: 'correctness',
    defaultSeverity: 'error',
    summary:
      'A statement that cannot run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...) is in a migration run in one.',
  },
  checkFailure(ctx) {
    if (ctx.failure.sqlstate !== ACTIVE_SQL_TRANSACTION) return [];
    const wrapped = ctx.migration.inTransaction
      ? `${ctx.migration.format} runs this migration in a transaction`
      : 'the file opens a transaction around it';
    return [
      {
        message: `PostgreSQL refuses this statement here: ${ctx.failure.message}; ${wrapped}.`,
        why: 'The migration fails when it is deployed: the statement and, in a transaction, everything before it in the migration are rolled back.',
        help: runOutsideTransactionAdvice(ctx.migration.format),
        data: { sqlstate: ctx.failure.sqlstate, format: ctx.migration.format },
      },
    ];
  },
};

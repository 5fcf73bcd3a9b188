import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { heldOnNamed, lockOnExisting } from './observed-lock.js';
import { heldUntil } from './observed-table.js';

/** The statement as written, with CONCURRENTLY after INDEX (before IF NOT EXISTS and the name). */
function concurrently(text: string): string {
  return `${text.replace(/\bindex\b/i, (word) => `${word} CONCURRENTLY`)};`;
}

function partitionedRecipe(table: string): string {
  return [
    `-- ${table} is partitioned: CREATE INDEX CONCURRENTLY is refused on it. Instead:`,
    `-- 1. CREATE INDEX <name> ON ONLY ${table} (...);             -- instant: an invalid parent index`,
    '-- 2. for each partition: CREATE INDEX CONCURRENTLY <part_name> ON <partition> (...);',
    '-- 3. for each partition: ALTER INDEX <name> ATTACH PARTITION <part_name>;',
    '--    the parent index turns valid when the last partition is attached.',
  ].join('\n');
}

/** The tables that existed before the migration which the statement read (the partitions an index build on their parent read). */
function partitionsRead(ctx: StatementContext): string[] {
  const { activity } = ctx.observation;
  if (activity === 'not observable') return [];
  return activity.filter((a) => a.rowsRead > 0 && ctx.existedBefore.has(a.relation)).map((a) => a.relation);
}

export const requireConcurrentIndex: MigrationRule = {
  meta: {
    id: 'require-concurrent-index',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary: 'CREATE INDEX without CONCURRENTLY on a table that already exists blocks every write to it.',
  },
  check(ctx) {
    const node = ctx.statement.node;
    if (!('IndexStmt' in node) || node.IndexStmt.concurrent) return [];
    const kinds = ['table', 'partitioned-table'] as const;
    const target = node.IndexStmt.relation;
    // A second build on a table whose lock the transaction already holds takes nothing new, but still builds.
    const lock = lockOnExisting(ctx, kinds) ?? (target && heldOnNamed(ctx, target, kinds));
    if (!lock) return [];
    const partitioned = lock.kind === 'partitioned-table';
    // ON ONLY a partitioned table builds nothing: the parent has no storage and no partition is
    // indexed (an invalid index waits for the partitions' own), so no row is read.
    if (partitioned && target?.inh !== true) return [];
    const finding: Finding = {
      message: `CREATE INDEX takes a SHARE lock on ${lock.relation}: every INSERT, UPDATE and DELETE on it waits until the index is built.`,
      why: `${lock.relation} existed before this migration, so it has rows and traffic; the build reads the whole table${heldUntil(ctx)}. Reads go on; writes queue, and so does everything queued behind them.`,
      help: partitioned
        ? 'Index each partition concurrently and attach the indexes to one created ON ONLY the parent.'
        : `Build it with CREATE INDEX CONCURRENTLY: writes go on during the build.${
            ctx.inTransaction
              ? ` It cannot run in a transaction: ${runOutsideTransactionAdvice(ctx.migration.format)}`
              : ''
          }`,
      suggestedSql: partitioned ? partitionedRecipe(lock.relation) : concurrently(ctx.statement.text),
      data: {
        table: lock.relation,
        // On a partitioned table the build reads each partition: those are part of this finding.
        ...(partitioned && { tables: partitionsRead(ctx) }),
        lock: lock.mode,
        observed: true,
        inTransaction: ctx.inTransaction,
      },
    };
    return [finding];
  },
};

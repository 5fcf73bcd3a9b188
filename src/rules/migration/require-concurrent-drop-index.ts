import type { DropStmt, Node } from '@pgsql/types';
import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule } from '../migration-rule.js';
import { lockOnExisting } from './observed-lock.js';
import { heldUntil } from './observed-table.js';

function dropIndexStmt(node: Node): DropStmt | undefined {
  return 'DropStmt' in node && node.DropStmt.removeType === 'OBJECT_INDEX' ? node.DropStmt : undefined;
}

/** One DROP INDEX CONCURRENTLY per index: the concurrent form takes one name and no CASCADE. */
function concurrentDrops(drop: DropStmt): string {
  return (drop.objects ?? [])
    .map((object) => {
      const parts = 'List' in object ? (object.List?.items ?? []) : [];
      const name = parts.map((p) => ('String' in p ? quoteIdent(p.String?.sval ?? '') : '')).join('.');
      return `DROP INDEX CONCURRENTLY ${drop.missing_ok ? 'IF EXISTS ' : ''}${name};`;
    })
    .join('\n');
}

export const requireConcurrentDropIndex: MigrationRule = {
  meta: {
    id: 'require-concurrent-drop-index',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    summary:
      'DROP INDEX without CONCURRENTLY on an index that already exists blocks every read and write of its table.',
  },
  check(ctx) {
    const drop = dropIndexStmt(ctx.statement.node);
    if (!drop || drop.concurrent) return [];
    const lock = lockOnExisting(ctx, ['table', 'partitioned-table']);
    const dropped = ctx.observation.dropped.filter(
      (r) => r.kind === 'index' && ctx.existedBefore.has(r.relation),
    );
    if (lock?.mode !== 'AccessExclusiveLock' || dropped.length === 0) return [];
    const partitioned = lock.kind === 'partitioned-table';
    const outside = ctx.inTransaction
      ? ` It cannot run in a transaction: ${runOutsideTransactionAdvice(ctx.migration.format)}`
      : '';
    return [
      {
        message: `DROP INDEX takes an ACCESS EXCLUSIVE lock on ${lock.relation}: every read and write of it waits.`,
        why: `${lock.relation} existed before this migration, so it has traffic. The drop itself is quick, but it first waits for every query already using the table, and every query after it queues behind it${heldUntil(ctx)}.`,
        help: partitioned
          ? `${lock.relation} is partitioned: DROP INDEX CONCURRENTLY is refused on a partitioned index. Drop it with SET lock_timeout and retries, at a quiet time.`
          : `Drop it with DROP INDEX CONCURRENTLY: it waits for queries using the index without blocking new ones.${outside} An index that backs a PRIMARY KEY or UNIQUE constraint cannot be dropped that way: drop the constraint instead, after SET lock_timeout = '5s', and retry on timeout.`,
        suggestedSql: partitioned
          ? `SET lock_timeout = '5s';\n${ctx.statement.text};`
          : concurrentDrops(drop),
        data: {
          table: lock.relation,
          indexes: dropped.map((r) => r.relation),
          lock: lock.mode,
          observed: true,
          inTransaction: ctx.inTransaction,
        },
      },
    ];
  },
};

import type { PartitionCmd } from '@pgsql/types';
import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import type { MigrationRule } from '../migration-rule.js';
import { alterTarget, heldUntil, lockName, observedTable, whatWaits, writtenName } from './observed-table.js';

/** DETACH PARTITION ... CONCURRENTLY arrived in PostgreSQL 14. */
const CONCURRENT_DETACH = 140000;

export const requireConcurrentDetachPartition: MigrationRule = {
  meta: {
    id: 'require-concurrent-detach-partition',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    summary:
      'DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on a partitioned table that already exists, blocking every query on all its partitions.',
  },
  check(ctx) {
    const target = alterTarget(ctx);
    const detach = target?.cmds
      .filter((cmd) => cmd.subtype === 'AT_DetachPartition')
      .flatMap((cmd): PartitionCmd[] => (cmd.def && 'PartitionCmd' in cmd.def ? [cmd.def.PartitionCmd] : []))
      .find((cmd) => !cmd.concurrent && cmd.name);
    if (!target || !detach?.name) return [];
    const parent = observedTable(ctx, target.relation);
    if (!parent?.existedBefore || parent.mode !== 'AccessExclusiveLock') return [];
    const partition = writtenName(detach.name);
    const concurrent = ctx.serverVersion >= CONCURRENT_DETACH;
    const detachSql = `ALTER TABLE ${target.written} DETACH PARTITION ${partition}`;
    return [
      {
        message: `DETACH PARTITION takes ${lockName(parent.mode)} on ${parent.name}: ${whatWaits(parent.mode, `${parent.name} and every one of its partitions`)} waits until it commits.`,
        why: `${parent.name} existed before this migration, so it has traffic; the detach itself is quick, but waiting for the lock queues every query behind it${heldUntil(ctx)}.`,
        help: concurrent
          ? `On PostgreSQL 14+ detach it CONCURRENTLY: SHARE UPDATE EXCLUSIVE on the parent, reads and writes go on. It cannot run in a transaction (${runOutsideTransactionAdvice(ctx.migration.format)}), and PostgreSQL refuses it when the parent has a DEFAULT partition. If it is interrupted, finish it with DETACH PARTITION ... FINALIZE.`
          : `PostgreSQL ${Math.floor(ctx.serverVersion / 10000)} has no DETACH PARTITION ... CONCURRENTLY (it came in 14): run the detach off-peak with lock_timeout set, and retry on timeout.`,
        suggestedSql: concurrent
          ? `${detachSql} CONCURRENTLY;\n-- if it was interrupted (the partition shows as "DETACH PENDING"):\n-- ${detachSql} FINALIZE;`
          : `SET lock_timeout = '3s';\n${detachSql};\n-- off-peak; retry on lock timeout`,
        data: {
          table: parent.name,
          lock: parent.mode,
          partition,
          concurrentAvailable: concurrent,
          observed: true,
          inTransaction: ctx.inTransaction,
        },
      },
    ];
  },
};

import { LOCK_MODE_TABLE } from '../../observe/lock-modes.js';
import type { MigrationRule } from '../migration-rule.js';
import { heldBefore, writeBlockingLocks } from './pre-existing.js';

const TIMEOUT = "'3s'";

export const requireLockTimeout: MigrationRule = {
  meta: {
    id: 'require-lock-timeout',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'warning',
    summary:
      'A statement takes a lock that blocks writes on a table that already exists, with no lock_timeout set: waiting for it, it queues every other query on the table.',
    // Every locking finding on an existing table comes with this one until a team adopts lock_timeout, and a
    // timeout set on the migration role (ALTER ROLE ... SET lock_timeout) is invisible to the embedded engine.
    enabledByDefault: false,
  },
  check(ctx) {
    if (ctx.lockTimeoutMs !== 0) return [];
    const [lock] = writeBlockingLocks(ctx, ctx.observation.locks);
    if (!lock) return [];
    // In a transaction one SET LOCAL before the first such statement covers the rest: report only that one.
    if (ctx.inTransaction && writeBlockingLocks(ctx, heldBefore(ctx)).length > 0) return [];
    const mode = LOCK_MODE_TABLE[lock.mode];
    const queued =
      mode.mode === 'AccessExclusiveLock' ? 'every query on it, reads included,' : 'every write to it';
    const set = ctx.inTransaction ? 'SET LOCAL' : 'SET';
    return [
      {
        message: `This statement takes ${mode.sqlName} on ${lock.relation} with no lock_timeout: while it waits for the lock, ${queued} queues behind it.`,
        why: `${lock.relation} existed before this migration, so it has traffic: one long transaction or report holding a conflicting lock makes this statement wait without end, and the queue behind it is an outage, however quick the statement itself is.`,
        help: `Set lock_timeout before it (${set} lock_timeout = ${TIMEOUT}${
          ctx.inTransaction ? ': SET LOCAL lasts until the transaction ends' : ''
        }). When the lock does not come in time the statement fails instead of queueing traffic: retry the migration, a few times with a pause, from the deploy script.`,
        suggestedSql: `${set} lock_timeout = ${TIMEOUT};\n${ctx.statement.text};`,
        data: {
          table: lock.relation,
          lock: lock.mode,
          lockTimeoutMs: ctx.lockTimeoutMs,
          inTransaction: ctx.inTransaction,
        },
      },
    ];
  },
};

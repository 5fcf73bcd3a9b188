import type { FallbackRule } from '../migration-fallback.js';
import { strongest } from './observed-lock.js';
import { heldUntil, lockName, whatWaits } from './observed-table.js';
import { trafficBlockingLocks } from './pre-existing.js';
import { coveredTables, NO_RULE_NOTE } from './uncovered.js';

export const observedStrongLock: FallbackRule = {
  meta: {
    id: 'observed-strong-lock',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'info',
    summary:
      'A statement was seen to take a lock that blocks writes on a table that already exists, and no other rule reported it.',
    // Most such locks are brief (CREATE TRIGGER, ADD COLUMN): worth seeing in a trace, noise in every lint.
    enabledByDefault: false,
  },
  check(ctx, reported) {
    const covered = coveredTables(reported);
    const locks = trafficBlockingLocks(ctx.existedBefore, ctx.observation.locks).filter(
      (lock) => !covered.has(lock.relation),
    );
    const tables = [...new Set(locks.map((lock) => lock.relation))];
    return tables
      .flatMap((table) => strongest(locks.filter((lock) => lock.relation === table)) ?? [])
      .map((lock) => ({
        message: `This statement takes ${lockName(lock.mode)} on ${lock.relation}: ${whatWaits(lock.mode, lock.relation)} waits while it is held.`,
        why: `${NO_RULE_NOTE} The lock is held for as long as the statement runs${heldUntil(ctx)}; while it waits for the lock, the queries queued behind it wait too.`,
        help: 'Keep the hold short: SET lock_timeout before the statement (and retry on timeout), and nothing slow after it in the same transaction.',
        data: { table: lock.relation, lock: lock.mode, observed: true, inTransaction: ctx.inTransaction },
      }));
  },
};

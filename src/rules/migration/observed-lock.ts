import { lockStrength } from '../../observe/lock-modes.js';
import type { LockTaken } from '../../observe/observation.js';
import type { RelationKind } from '../../observe/relation-state.js';
import type { StatementContext } from '../migration-rule.js';

/**
 * The strongest lock the statement was seen to take on a relation of one of the kinds that existed
 * before the migration; undefined when it took none, or when locks were not observable.
 */
export function lockOnExisting(ctx: StatementContext, kinds: readonly RelationKind[]): LockTaken | undefined {
  if (ctx.observation.locks === 'not observable') return undefined;
  return ctx.observation.locks
    .filter((lock) => kinds.includes(lock.kind) && ctx.existedBefore.has(lock.relation))
    .reduce<LockTaken | undefined>(
      (best, lock) => (best && lockStrength(best.mode) >= lockStrength(lock.mode) ? best : lock),
      undefined,
    );
}

import { lockStrength } from '../../observe/lock-modes.js';
import type { LockTaken } from '../../observe/observation.js';
import type { RelationKind } from '../../observe/relation-state.js';
import type { StatementContext } from '../migration-rule.js';
import { namesRelation, type RelationName } from './pre-existing.js';

/**
 * The strongest lock the statement was seen to take on a relation of one of the kinds that existed
 * before the migration; undefined when it took none, or when locks were not observable.
 */
export function lockOnExisting(ctx: StatementContext, kinds: readonly RelationKind[]): LockTaken | undefined {
  if (ctx.observation.locks === 'not observable') return undefined;
  return strongest(
    ctx.observation.locks.filter((lock) => kinds.includes(lock.kind) && ctx.existedBefore.has(lock.relation)),
  );
}

/**
 * The strongest lock the transaction holds, after the statement, on the pre-existing relation the
 * statement names: for a statement whose lock an earlier statement of the same transaction already
 * took (a second CREATE INDEX on one table), so it takes nothing new but still works under it.
 */
export function heldOnNamed(
  ctx: StatementContext,
  name: RelationName,
  kinds: readonly RelationKind[],
): LockTaken | undefined {
  if (ctx.observation.held === 'not observable') return undefined;
  return strongest(
    ctx.observation.held.filter(
      (lock) =>
        kinds.includes(lock.kind) &&
        ctx.existedBefore.has(lock.relation) &&
        namesRelation(name, lock.relation),
    ),
  );
}

/** The strongest of the locks (the first of equals). */
export function strongest(locks: readonly LockTaken[]): LockTaken | undefined {
  return locks.reduce<LockTaken | undefined>(
    (best, lock) => (best && lockStrength(best.mode) >= lockStrength(lock.mode) ? best : lock),
    undefined,
  );
}

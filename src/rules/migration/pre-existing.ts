import { blocksTraffic, blocksWrites } from '../../observe/lock-modes.js';
import type { LockTaken, Observable } from '../../observe/observation.js';
import type { RelationKind } from '../../observe/relation-state.js';
import { quoteIdent } from '../../sql/quote.js';
import type { StatementContext } from '../migration-rule.js';

/** What application queries read and write: a lock on one of these is a lock on traffic. */
const TABLE_KINDS: ReadonlySet<RelationKind> = new Set(['table', 'partitioned-table', 'matview']);

function observed<T>(value: Observable<readonly T[]>): readonly T[] {
  return value === 'not observable' ? [] : value;
}

/** Locks on tables whose names are in existedBefore: the tables that existed before the migration. */
export function onTablesIn(
  existedBefore: ReadonlySet<string>,
  locks: Observable<readonly LockTaken[]>,
): LockTaken[] {
  return observed(locks).filter((lock) => TABLE_KINDS.has(lock.kind) && existedBefore.has(lock.relation));
}

/** Locks on tables that existed before the migration: assumed large and busy. */
export function onPreExistingTables(
  ctx: StatementContext,
  locks: Observable<readonly LockTaken[]>,
): LockTaken[] {
  return onTablesIn(ctx.existedBefore, locks);
}

/** Locks on tables that existed before the migration that make application queries wait (blocksTraffic). */
export function trafficBlockingLocks(
  existedBefore: ReadonlySet<string>,
  locks: Observable<readonly LockTaken[]>,
): LockTaken[] {
  return onTablesIn(existedBefore, locks).filter((lock) => blocksTraffic(lock.kind, lock.mode));
}

/** Of those, the locks that make INSERT, UPDATE and DELETE wait. */
export function writeBlockingLocks(
  ctx: StatementContext,
  locks: Observable<readonly LockTaken[]>,
): LockTaken[] {
  return onPreExistingTables(ctx, locks).filter((lock) => blocksWrites(lock.mode));
}

/** Locks the transaction held before this statement ran: held now, and not taken by the statement itself. */
export function heldBefore(ctx: StatementContext): LockTaken[] {
  const taken = new Set(observed(ctx.observation.locks).map((lock) => `${lock.relation} ${lock.mode}`));
  return observed(ctx.observation.held).filter((lock) => !taken.has(`${lock.relation} ${lock.mode}`));
}

/** A relation as the parse tree names it: schema optional, unquoted. */
export interface RelationName {
  readonly schemaname?: string;
  readonly relname?: string;
}

/**
 * The pre-existing table a statement names, as PostgreSQL resolved it (search_path included): the
 * one whose lock the transaction holds after it. Undefined for a relation this migration created.
 */
export function preExistingTarget(ctx: StatementContext, name: RelationName | undefined): string | undefined {
  if (!name?.relname) return undefined;
  return onPreExistingTables(ctx, ctx.observation.held).find((lock) => namesRelation(name, lock.relation))
    ?.relation;
}

/**
 * Whether a name as written (schema optional) is this schema-qualified relation. Without a schema
 * any schema matches: the engine already resolved search_path when it took the lock we compare with.
 */
export function namesRelation(name: RelationName, relation: string): boolean {
  const bare = quoteIdent(name.relname ?? '');
  return name.schemaname
    ? relation === `${quoteIdent(name.schemaname)}.${bare}`
    : relation.endsWith(`.${bare}`);
}

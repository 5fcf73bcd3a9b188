import type { Engine } from '../engine/engine.js';
import { type RunnableStatement, runStatement } from '../engine/run-statement.js';
import { lockStrength } from './lock-modes.js';
import { type HeldLock, readOwnLocks } from './locks.js';
import type { LockTaken, StatementFailure, StatementObservation, StatementOutcome } from './observation.js';
import { compareNames, compareRelationStates, type RelationChanges } from './relation-changes.js';
import { type RelationState, readRelationState } from './relation-state.js';
import { activityBetween, readTableActivity, type TableActivity } from './table-activity.js';

/** SQLSTATE 25001: "... cannot run inside a transaction block" (CONCURRENTLY, VACUUM, ...). */
const ACTIVE_SQL_TRANSACTION = '25001';

export interface ObserveOptions {
  /**
   * The engine is inside a transaction the caller opened (the migration tool's own): the statement runs there
   * and its locks stay held. Otherwise it runs on its own, as autocommit would.
   */
  readonly inTransaction: boolean;
}

function failure(error: unknown): StatementFailure {
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return {
    ok: false,
    error:
      typeof e?.code === 'string' ? { message, sqlstate: e.code, cause: error } : { message, cause: error },
  };
}

/**
 * Names come from the catalog now, or from before the statement when it dropped the relation. Locks on relations
 * in neither state are not the user's: toast tables (their table is locked as strongly) and the transient heaps
 * a rewrite builds and drops within the statement.
 */
function describeLock(lock: HeldLock, before: RelationState, after: RelationState): LockTaken | undefined {
  const known = after.relations.get(lock.oid ?? 0) ?? before.relations.get(lock.oid ?? 0);
  return known && { relation: known.name, kind: known.kind, mode: lock.mode };
}

function sortLocks(locks: LockTaken[]): readonly LockTaken[] {
  return locks.sort(
    (a, b) => compareNames(a.relation, b.relation) || lockStrength(a.mode) - lockStrength(b.mode),
  );
}

/** Times and runs the statement, and reads the relation state around it; the rest is up to the caller. */
async function timed(
  engine: Engine,
  sql: RunnableStatement | string,
): Promise<{ changes: RelationChanges; before: RelationState; after: RelationState; durationMs: number }> {
  const before = await readRelationState(engine);
  const started = performance.now();
  await runStatement(engine, sql);
  const durationMs = performance.now() - started;
  const after = await readRelationState(engine);
  return { changes: compareRelationStates(before, after), before, after, durationMs };
}

async function observeInTransaction(
  tx: Engine,
  sql: RunnableStatement | string,
  ranAs: StatementObservation['ranAs'],
): Promise<StatementObservation> {
  const locksBefore = await readOwnLocks(tx);
  const activityBefore = await readTableActivity(tx);
  const { changes, before, after, durationMs } = await timed(tx, sql);
  const locksAfter = await readOwnLocks(tx);
  const activity: readonly TableActivity[] = activityBetween(activityBefore, await readTableActivity(tx));
  const heldBefore = new Set(locksBefore.locks.map((l) => `${l.oid} ${l.mode}`));
  const named = (locks: readonly HeldLock[]): LockTaken[] =>
    locks.flatMap((lock) => describeLock(lock, before, after) ?? []);
  return {
    ok: true,
    ranAs,
    ...changes,
    locks: sortLocks(named(locksAfter.locks.filter((l) => !heldBefore.has(`${l.oid} ${l.mode}`)))),
    held: sortLocks(named(locksAfter.locks)),
    holdsXid: locksAfter.holdsXid,
    activity,
    durationMs,
  };
}

async function observeBare(engine: Engine, sql: RunnableStatement | string): Promise<StatementObservation> {
  const { changes, durationMs } = await timed(engine, sql);
  return {
    ok: true,
    ranAs: 'autocommit',
    ...changes,
    locks: 'not observable',
    held: 'not observable',
    holdsXid: false,
    activity: 'not observable',
    durationMs,
  };
}

/**
 * Runs one statement and reports what Postgres did: the locks it took, the relations it rewrote, created or
 * dropped, the tables it scanned or wrote. Outside a transaction the statement runs in BEGIN ... COMMIT so its locks
 * can be read before they are released; a statement Postgres refuses to run in a transaction block runs bare, and
 * its locks and scans are then not observable. A failure inside the caller's transaction leaves it aborted.
 */
export async function observeStatement(
  engine: Engine,
  sql: RunnableStatement | string,
  opts: ObserveOptions,
): Promise<StatementOutcome> {
  try {
    if (opts.inTransaction) return await observeInTransaction(engine, sql, 'in-transaction');
    return await engine.transaction((tx) => observeInTransaction(tx, sql, 'own-transaction'));
  } catch (error) {
    if (opts.inTransaction || (error as { code?: unknown })?.code !== ACTIVE_SQL_TRANSACTION)
      return failure(error);
  }
  try {
    return await observeBare(engine, sql);
  } catch (error) {
    return failure(error);
  }
}

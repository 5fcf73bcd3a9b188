import type { LockTaken } from '../observe/observation.js';
import type { TableActivity } from '../observe/table-activity.js';
import type { NewEnumValue } from './enum-values.js';

/**
 * The migration's session as the statements leave it: the transaction, the locks it holds, and
 * lock_timeout. Locks accumulate until COMMIT, as the observed `held` does.
 */
export interface StaticSession {
  readonly inTransaction: boolean;
  readonly held: readonly LockTaken[];
  readonly lockTimeoutMs: number;
  /** SET LOCAL's value, until the transaction ends. */
  readonly localTimeoutMs?: number;
  /** Enum values added in the open transaction: unusable until it commits. */
  readonly newEnumValues: readonly NewEnumValue[];
}

export function startSession(inTransaction: boolean): StaticSession {
  return { inTransaction, held: [], lockTimeoutMs: 0, newEnumValues: [] };
}

export function transactionChanged(session: StaticSession, begins: boolean): StaticSession {
  return { inTransaction: begins, held: [], lockTimeoutMs: session.lockTimeoutMs, newEnumValues: [] };
}

export function timeoutIn(session: StaticSession): number {
  return session.localTimeoutMs ?? session.lockTimeoutMs;
}

export function withTimeout(session: StaticSession, set: { ms: number; local: boolean }): StaticSession {
  if (set.local) return session.inTransaction ? { ...session, localTimeoutMs: set.ms } : session;
  return { ...session, lockTimeoutMs: set.ms, localTimeoutMs: undefined };
}

const key = (lock: LockTaken) => `${lock.relation} ${lock.mode}`;

/** The statement's locks that the transaction did not hold before it, each once. */
export function newLocks(session: StaticSession, locks: readonly LockTaken[]): LockTaken[] {
  const seen = new Set(session.inTransaction ? session.held.map(key) : []);
  return locks.filter((lock) => !seen.has(key(lock)) && seen.add(key(lock)));
}

/** Held after the statement: outside a transaction, only its own (released at its commit). */
export function heldAfter(session: StaticSession, taken: readonly LockTaken[]): readonly LockTaken[] {
  return session.inTransaction ? [...session.held, ...taken] : taken;
}

/** One activity row per table, as pg_stat_xact_user_tables has. */
export function perTable(activity: readonly TableActivity[]): TableActivity[] {
  const byTable = new Map<string, TableActivity>();
  for (const row of activity) {
    const seen = byTable.get(row.relation);
    byTable.set(
      row.relation,
      seen
        ? {
            relation: row.relation,
            seqScans: seen.seqScans + row.seqScans,
            rowsRead: seen.rowsRead + row.rowsRead,
            inserted: seen.inserted + row.inserted,
            updated: seen.updated + row.updated,
            deleted: seen.deleted + row.deleted,
          }
        : row,
    );
  }
  return [...byTable.values()];
}

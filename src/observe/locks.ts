import { oidNumber } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { isLockMode, type LockMode } from './lock-modes.js';

/**
 * Objects made by initdb (the catalogs, pg_locks itself) have oids below FirstNormalObjectId. Reading pg_locks
 * locks pg_locks, and reading the catalog inside a transaction keeps ACCESS SHARE on pg_class and friends until
 * it ends: none of that is the migration's doing.
 */
const FIRST_NORMAL_OBJECT_ID = 16384;

export interface HeldLock {
  /** pg_locks.locktype: 'relation' unless asked for every kind. */
  readonly locktype: string;
  /** Table-level modes are LockModes; other lock types (advisory, object, ...) may use the same names. */
  readonly mode: LockMode;
  readonly granted: boolean;
  readonly oid?: number;
  /** Schema-qualified; absent when the relation is gone (dropped by this very transaction). */
  readonly relation?: string;
}

export interface OwnLocks {
  readonly locks: readonly HeldLock[];
  /** The transaction has written something (or locked rows): it holds a transaction id. */
  readonly holdsXid: boolean;
}

export interface ReadOwnLocksOptions {
  /** Also report transactionid, virtualxid, object, advisory, tuple... locks (default: relation locks only). */
  readonly allLockTypes?: boolean;
}

interface LockRow {
  readonly locktype: string;
  readonly mode: string;
  readonly granted: boolean;
  readonly oid: number | null;
  readonly relation: string | null;
  readonly holds_xid: boolean;
}

// pg_identify_object goes through the syscache: no lock on pg_class is taken, let alone kept.
const ownLocksSql = `
SELECT l.locktype, l.mode, l.granted, ${oidNumber('l.relation')} AS oid,
  CASE WHEN l.relation IS NOT NULL
    THEN (pg_catalog.pg_identify_object('pg_catalog.pg_class'::regclass, l.relation, 0)).identity END AS relation,
  pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL AS holds_xid
FROM pg_catalog.pg_locks l
WHERE l.pid = pg_catalog.pg_backend_pid()
  AND (l.relation IS NULL OR l.relation >= ${FIRST_NORMAL_OBJECT_ID})`;

function toHeldLock(row: LockRow): HeldLock | undefined {
  if (!isLockMode(row.mode)) return undefined;
  const lock = { locktype: row.locktype, mode: row.mode, granted: row.granted };
  if (row.oid === null) return lock;
  return row.relation === null
    ? { ...lock, oid: row.oid }
    : { ...lock, oid: row.oid, relation: row.relation };
}

/** The locks our own backend holds (or waits for) right now. */
export async function readOwnLocks(engine: Engine, opts: ReadOwnLocksOptions = {}): Promise<OwnLocks> {
  const { rows } = await engine.query<LockRow>(ownLocksSql);
  const wanted = opts.allLockTypes ? rows : rows.filter((row) => row.locktype === 'relation');
  const locks = wanted.flatMap((row) => toHeldLock(row) ?? []);
  // Every row carries the same backend-wide answer; the query's own virtualxid lock guarantees a row.
  return { locks, holdsXid: rows.some((row) => row.holds_xid) };
}

/**
 * The eight table-level lock modes, weakest first, and which modes each conflicts with: Table 13.2
 * "Conflicting Lock Modes" of the PostgreSQL manual (https://www.postgresql.org/docs/15/explicit-locking.html).
 * Mode names are spelled as pg_locks.mode spells them.
 */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;

export type LockMode = (typeof LOCK_MODES)[number];

export interface LockModeInfo {
  readonly mode: LockMode;
  /** As LOCK TABLE and the manual spell it: "SHARE ROW EXCLUSIVE". */
  readonly sqlName: string;
  /** What takes it, in the manual's words (the usual statements, not all of them). */
  readonly takenBy: string;
  readonly conflictsWith: readonly LockMode[];
}

const [AS, RS, RE, SUE, S, SRE, E, AE] = LOCK_MODES;

export const LOCK_MODE_TABLE: Readonly<Record<LockMode, LockModeInfo>> = {
  AccessShareLock: {
    mode: AS,
    sqlName: 'ACCESS SHARE',
    takenBy: 'SELECT',
    conflictsWith: [AE],
  },
  RowShareLock: {
    mode: RS,
    sqlName: 'ROW SHARE',
    takenBy: 'SELECT FOR UPDATE / FOR SHARE',
    conflictsWith: [E, AE],
  },
  RowExclusiveLock: {
    mode: RE,
    sqlName: 'ROW EXCLUSIVE',
    takenBy: 'INSERT, UPDATE, DELETE, MERGE',
    conflictsWith: [S, SRE, E, AE],
  },
  ShareUpdateExclusiveLock: {
    mode: SUE,
    sqlName: 'SHARE UPDATE EXCLUSIVE',
    takenBy: 'VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT',
    conflictsWith: [SUE, S, SRE, E, AE],
  },
  ShareLock: {
    mode: S,
    sqlName: 'SHARE',
    takenBy: 'CREATE INDEX (without CONCURRENTLY)',
    conflictsWith: [RE, SUE, SRE, E, AE],
  },
  ShareRowExclusiveLock: {
    mode: SRE,
    sqlName: 'SHARE ROW EXCLUSIVE',
    takenBy: 'CREATE TRIGGER, ADD FOREIGN KEY',
    conflictsWith: [RE, SUE, S, SRE, E, AE],
  },
  ExclusiveLock: {
    mode: E,
    sqlName: 'EXCLUSIVE',
    takenBy: 'REFRESH MATERIALIZED VIEW CONCURRENTLY',
    conflictsWith: [RS, RE, SUE, S, SRE, E, AE],
  },
  AccessExclusiveLock: {
    mode: AE,
    sqlName: 'ACCESS EXCLUSIVE',
    takenBy:
      'most ALTER TABLE forms, DROP, TRUNCATE, VACUUM FULL, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW',
    conflictsWith: [AS, RS, RE, SUE, S, SRE, E, AE],
  },
};

export function isLockMode(value: string): value is LockMode {
  return (LOCK_MODES as readonly string[]).includes(value);
}

/** Two transactions cannot hold conflicting modes on one table; the matrix is symmetric. */
export function conflicts(a: LockMode, b: LockMode): boolean {
  return LOCK_MODE_TABLE[a].conflictsWith.includes(b);
}

/**
 * 0 (ACCESS SHARE) to 7 (ACCESS EXCLUSIVE), the manual's order. Not a strict lattice: SHARE UPDATE EXCLUSIVE
 * conflicts with itself, SHARE does not; use conflicts() for what blocks what.
 */
export function lockStrength(mode: LockMode): number {
  return LOCK_MODES.indexOf(mode);
}

export function strongestLock(modes: readonly LockMode[]): LockMode | undefined {
  return modes.reduce<LockMode | undefined>(
    (strongest, mode) =>
      strongest === undefined || lockStrength(mode) > lockStrength(strongest) ? mode : strongest,
    undefined,
  );
}

/** Plain SELECTs wait: only ACCESS EXCLUSIVE conflicts with the ACCESS SHARE lock they need. */
export function blocksReads(mode: LockMode): boolean {
  return conflicts(mode, 'AccessShareLock');
}

/** INSERT, UPDATE, DELETE and MERGE wait: SHARE and stronger conflict with their ROW EXCLUSIVE lock. */
export function blocksWrites(mode: LockMode): boolean {
  return conflicts(mode, 'RowExclusiveLock');
}

/**
 * Whether a lock on a relation of this kind makes application queries wait: on a materialized view,
 * which applications only read, that takes ACCESS EXCLUSIVE (REFRESH CONCURRENTLY's EXCLUSIVE lets
 * reads go on); on a table, anything that blocks writes.
 */
export function blocksTraffic(kind: string, mode: LockMode): boolean {
  return kind === 'matview' ? blocksReads(mode) : blocksWrites(mode);
}

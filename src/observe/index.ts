export type { LockMode, LockModeInfo } from './lock-modes.js';
export {
  blocksReads,
  blocksWrites,
  conflicts,
  isLockMode,
  LOCK_MODE_TABLE,
  LOCK_MODES,
  lockStrength,
  strongestLock,
} from './lock-modes.js';
export type { HeldLock, OwnLocks, ReadOwnLocksOptions } from './locks.js';
export { readOwnLocks } from './locks.js';
export type {
  LockTaken,
  Observable,
  StatementFailure,
  StatementObservation,
  StatementOutcome,
} from './observation.js';
export type { ObserveOptions } from './observe-statement.js';
export { observeStatement } from './observe-statement.js';
export type { RelationChanges, RelationRef } from './relation-changes.js';
export { compareRelationStates } from './relation-changes.js';
export type { ObservedRelation, RelationKind, RelationState } from './relation-state.js';
export { readRelationState } from './relation-state.js';
export type { FilledTable, FillResult, SkippedTable } from './synthetic-rows.js';
export { DEFAULT_ROWS_PER_TABLE, fillTables } from './synthetic-rows.js';
export type { ActivitySnapshot, TableActivity, TableCounters } from './table-activity.js';
export { activityBetween, readTableActivity } from './table-activity.js';

import type { LockMode } from './lock-modes.js';
import type { RelationChanges } from './relation-changes.js';
import type { RelationKind } from './relation-state.js';
import type { TableActivity } from './table-activity.js';

export interface LockTaken {
  /** Schema-qualified. Relations the statement created appear too (a new index is born ACCESS EXCLUSIVE). */
  readonly relation: string;
  readonly kind: RelationKind;
  readonly mode: LockMode;
}

/** Locks and statistics can only be read while the statement's transaction is still open. */
export type Observable<T> = T | 'not observable';

export interface StatementObservation extends RelationChanges {
  readonly ok: true;
  /**
   * in-transaction: inside the caller's transaction; own-transaction: in a BEGIN ... COMMIT of its own;
   * autocommit: bare, because Postgres refuses to run it in a transaction block.
   */
  readonly ranAs: 'in-transaction' | 'own-transaction' | 'autocommit';
  /** Relation locks this statement took that the transaction did not hold before it. */
  readonly locks: Observable<readonly LockTaken[]>;
  /** Every relation lock the transaction holds after the statement: what later statements keep waiting. */
  readonly held: Observable<readonly LockTaken[]>;
  readonly holdsXid: boolean;
  /** Scans and row counts per table, from pg_stat_xact_user_tables. */
  readonly activity: Observable<readonly TableActivity[]>;
  readonly durationMs: number;
}

export interface StatementFailure {
  readonly ok: false;
  readonly error: {
    readonly message: string;
    readonly sqlstate?: string;
    /** The driver's error, for its position and hint. */
    readonly cause: unknown;
  };
}

export type StatementOutcome = StatementObservation | StatementFailure;

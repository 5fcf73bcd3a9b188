import type { LockTaken, StatementObservation } from '../observe/observation.js';
import type { Statement } from '../sql/statement.js';

/** One statement of a migration as it ran, for the lock timeline and the per-statement trace. */
export interface TraceStep {
  readonly statement: Statement;
  /** Which transaction of the migration it ran in (1, 2, ...); undefined when it ran on its own. */
  readonly transaction?: number;
  readonly observation: StatementObservation;
  /**
   * For a statement that refuses a transaction block and so ran bare (its locks not observable):
   * what it held while it ran, known from its kind (locksWhileRunning).
   */
  readonly whileRunning?: readonly LockTaken[];
}

/** Where a transaction of the migration ended: the file's COMMIT, or the tool's at the end of the file. */
export type TransactionEnds = ReadonlyMap<number, number | 'end of migration'>;

/**
 * The locks a statement that ran outside the migration's transactions held, all released when it
 * ended: observed in the transaction of its own it ran in, or known from its kind when it ran bare.
 */
export function statementOnlyLocks(step: TraceStep): readonly LockTaken[] {
  const { held } = step.observation;
  return held === 'not observable' ? (step.whileRunning ?? []) : held;
}

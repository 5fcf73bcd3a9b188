import type { StatementObservation } from '../observe/observation.js';
import type { Statement } from '../sql/statement.js';

/** One statement of a migration as it ran, for the lock timeline. */
export interface TraceStep {
  readonly statement: Statement;
  /** Which transaction of the migration it ran in (1, 2, ...); undefined when it ran on its own. */
  readonly transaction?: number;
  readonly observation: StatementObservation;
}

/** Where a transaction of the migration ended: the file's COMMIT, or the tool's at the end of the file. */
export type TransactionEnds = ReadonlyMap<number, number | 'end of migration'>;

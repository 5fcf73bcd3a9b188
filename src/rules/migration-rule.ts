import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { StatementFailure, StatementObservation } from '../observe/observation.js';
import type { Migration } from '../sources/migrations/migration.js';
import type { Statement } from '../sql/statement.js';
import type { Finding } from './schema-rule.js';

/** What every migration rule knows about the statement it judges and the migration around it. */
interface MigrationStatement {
  readonly statement: Statement;
  readonly migration: Migration;
  /** The statement ran inside a transaction: the tool's own, or a BEGIN in the file. */
  readonly inTransaction: boolean;
  readonly serverVersion: number;
}

/** A statement that ran, with what PostgreSQL was seen to do. */
export interface StatementContext extends MigrationStatement {
  readonly observation: StatementObservation;
  /**
   * Relations (schema-qualified, quoted as quote_ident would) that existed before this migration
   * began. Those are assumed large and busy; what the migration itself created blocks nobody.
   */
  readonly existedBefore: ReadonlySet<string>;
  /** lock_timeout in force when the statement ran, in milliseconds; 0 means wait forever. */
  readonly lockTimeoutMs: number;
}

/** A statement PostgreSQL refused, with its error. */
export interface FailureContext extends MigrationStatement {
  readonly failure: StatementFailure['error'];
  /** As StatementContext's: a refused statement may still have read a pre-existing table, as a scan that found a bad row. */
  readonly existedBefore: ReadonlySet<string>;
}

/**
 * A rule over one migration statement, judged against what the engine observed. A finding
 * without a position is placed on the statement.
 */
export interface MigrationRule {
  readonly meta: RuleMeta;
  check?(ctx: StatementContext): readonly Finding[];
  /** When it returns findings, they replace the generic statement-failed one. */
  checkFailure?(ctx: FailureContext): readonly Finding[];
}

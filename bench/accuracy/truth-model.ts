import type { LockMode } from '../../src/observe/lock-modes.js';

/** A relation lock: as held by the migration's own session, or as sampled by a second one. */
export interface LockFact {
  readonly relation: string;
  readonly mode: LockMode;
}

/** What the statement did to one table, from the statistics views (only non-zero rows are kept). */
export interface ActivityFact {
  readonly relation: string;
  readonly seqScans: number;
  readonly seqRowsRead: number;
  readonly idxScans: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
}

export interface CreatedFact {
  readonly relation: string;
  /** pg_class.relkind. */
  readonly kind: string;
  /** For an index, its table. */
  readonly table?: string;
}

export interface StatementFacts {
  readonly sql: string;
  /** Set when PostgreSQL refused the statement; nothing after it ran. */
  readonly error?: { readonly code: string; readonly message: string };
  /**
   * 'own-session': pg_locks of the migration's pid after the statement, inside its transaction (so
   * every lock held so far). 'sampled': a second session polled pg_locks while the statement ran
   * outside a transaction; only locks seen in at least half of the samples are kept (held while the
   * work ran). A lock taken for a moment cannot be sampled reliably, so it is not recorded.
   */
  readonly lockSource: 'own-session' | 'sampled';
  readonly locks: readonly LockFact[];
  readonly activity: readonly ActivityFact[];
  /** Relations that existed before the migration whose relfilenode changed (rewritten or rebuilt). */
  readonly rewritten: readonly string[];
  readonly created: readonly CreatedFact[];
}

/** A relation that existed before the migration. */
export interface ExistingRelation {
  readonly relation: string;
  readonly kind: string;
  /** For an index, its table. */
  readonly table?: string;
}

export interface CaseTruth {
  readonly name: string;
  readonly description: string;
  readonly needsCatalog: boolean;
  readonly inTransaction: boolean;
  readonly existing: readonly ExistingRelation[];
  readonly statements: readonly StatementFacts[];
}

export interface TruthFile {
  readonly server: string;
  readonly cases: readonly CaseTruth[];
}

import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** One use of a session feature in a parsed statement. */
export interface FeatureUse {
  /** Index of the node in the text that was parsed, or -1 when the parser gives none (the statement's start). */
  readonly location: number;
  /** What was used, as a reader knows it: `SET search_path`, `pg_advisory_lock()`. */
  readonly what: string;
}

export interface FeatureText {
  readonly message: string;
  readonly why: string;
  readonly help: string;
  readonly suggestedSql?: string;
}

/**
 * A rule on a feature that belongs to the server session. Behind a transaction-mode pooler a client
 * gets a server connection for one transaction at a time, so state that outlives the transaction
 * stays on a connection the next transaction (or another client) may or may not get.
 */
export interface SessionFeatureRule {
  readonly meta: RuleMeta;
  /** Every use in one statement's parse tree (a bare node such as `{ SelectStmt: ... }`). */
  find(root: unknown): readonly FeatureUse[];
  describe(use: FeatureUse): FeatureText;
}

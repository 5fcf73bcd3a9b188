import type { RuleMeta } from '../../diagnostics/rule-meta.js';
import type { LiveFacts } from '../../live/live-facts.js';
import type { Finding } from '../schema-rule.js';

export interface LiveRuleContext {
  /** The server judged: for rules of scope 'database', the group's primary (else its first URL). */
  readonly facts: LiveFacts;
  /** Every URL given for the same database (a primary and its replicas); [facts] when alone. */
  readonly group: readonly LiveFacts[];
  /** Threshold values after config overrides, keyed like meta.thresholds. */
  readonly thresholds: Readonly<Record<string, number>>;
}

/**
 * A rule over what only a running server shows. Scope 'server': judged on every URL (sessions,
 * connections, cache). Scope 'database': judged once per database, on the primary, with the group's
 * statistics at hand (an index is unused only when no replica scans it either).
 */
export interface LiveRule {
  readonly meta: RuleMeta;
  readonly scope: 'server' | 'database';
  check(ctx: LiveRuleContext): readonly Finding[];
}

/** A threshold the meta declares; the runner always fills every declared one. */
export function threshold(ctx: LiveRuleContext, name: string): number {
  const value = ctx.thresholds[name];
  if (value === undefined) throw new Error(`threshold ${name} is not declared by the rule`);
  return value;
}

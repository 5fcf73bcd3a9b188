import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { StatementContext } from './migration-rule.js';
import type { Finding } from './schema-rule.js';

/**
 * The safety net of semantic mode: reports what the engine was seen to do to a table that existed
 * before the migration (a new file, a scan, a lock that blocks writes) when no migration rule's
 * finding on the same statement names that table. Runs after the migration rules, with their
 * findings; static mode has nothing observed and does not run it.
 */
export interface FallbackRule {
  readonly meta: RuleMeta;
  check(ctx: StatementContext, reported: readonly Diagnostic[]): readonly Finding[];
}

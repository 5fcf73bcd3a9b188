import { statStatement } from '../advisor/stat-statement.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { EXPLAINABLE } from '../explain/explainable.js';
import { parameterCount } from '../explain/parameters.js';
import { type PlanMode, planStatement } from '../explain/plan-statement.js';
import type { TableSizes } from '../migrate/table-sizes.js';
import type { Plan } from '../plan/model.js';
import { planRules } from '../rules/registry.js';
import { runPlanRules } from '../rules/run-plan-rules.js';
import type { RankedStatement } from './rank.js';

export interface PlanOutcome {
  readonly plan?: Plan;
  readonly mode?: PlanMode;
  readonly diagnostics: readonly Diagnostic[];
  /** Why there is no plan: not a plannable statement, or what PostgreSQL answered. */
  readonly skipped?: string;
}

export interface PlanContextOptions {
  readonly timeoutMs: number;
  readonly tableSizes: TableSizes;
  readonly settings: ReadonlyMap<string, RuleSettings>;
}

/**
 * The estimated plan of a ranked statement and the plan rules' findings on it. Never run: plain
 * EXPLAIN, or a generic plan for $n parameters (the view's texts have them in place of constants),
 * inside a rolled-back transaction on the read-only session.
 */
export async function planFindings(
  engine: Engine,
  ranked: RankedStatement,
  options: PlanContextOptions,
): Promise<PlanOutcome> {
  const statement = statStatement(ranked.entry.query);
  if (!statement || !EXPLAINABLE.has(statement.kind))
    return {
      diagnostics: [],
      skipped: `not a query EXPLAIN can plan (${statement?.kind ?? 'does not parse'})`,
    };
  const text = { text: statement.text, kind: statement.kind, parameters: parameterCount(statement.node) };
  const planned = await planStatement(engine, text, {
    timeoutMs: options.timeoutMs,
    writesAllowed: false,
    analyze: false,
  }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (typeof planned === 'string') {
    const grant = /permission denied/.test(planned)
      ? ' (GRANT SELECT on it, or pg_read_all_data, to this role)'
      : '';
    return { diagnostics: [], skipped: `PostgreSQL could not plan it: ${planned}${grant}` };
  }
  const inputs = {
    query: statement.text,
    withoutSeqScan: planned.withoutSeqScan,
    tableSizes: options.tableSizes,
  };
  const diagnostics = runPlanRules(planRules, options.settings, planned.plan, inputs).map((d) => ({
    ...d,
    message: `#${ranked.rank} (queryid ${ranked.entry.queryid}): ${d.message}`,
    data: { ...d.data, queryid: ranked.entry.queryid, rank: ranked.rank, query: statement.text },
  }));
  return { plan: planned.plan, mode: planned.mode, diagnostics };
}

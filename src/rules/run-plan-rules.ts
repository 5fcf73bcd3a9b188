import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import { planMetrics } from '../plan/metrics.js';
import type { Plan } from '../plan/model.js';
import type { PlanContext, PlanRule } from './plan-rule.js';
import { stampFinding } from './stamp-finding.js';

export type PlanInputs = Omit<PlanContext, 'plan' | 'metrics' | 'thresholds'>;

function defaults(meta: RuleMeta): Record<string, number> {
  return Object.fromEntries(Object.entries(meta.thresholds ?? {}).map(([name, t]) => [name, t.default]));
}

/**
 * Runs each enabled plan rule over one plan. Findings without a place of their own go to
 * `place`: the statement of the SQL file the plan is for.
 */
export function runPlanRules(
  rules: readonly PlanRule[],
  settings: ReadonlyMap<string, RuleSettings>,
  plan: Plan,
  inputs: PlanInputs = {},
  place?: SourceSpan | { readonly file: string },
): Diagnostic[] {
  const metrics = planMetrics(plan);
  return rules.flatMap((rule) => {
    const setting = settings.get(rule.meta.id);
    if (setting && !setting.enabled) return [];
    const thresholds = { ...defaults(rule.meta), ...setting?.thresholds };
    return rule
      .check({ ...inputs, plan, metrics, thresholds })
      .map((finding) => stampFinding(rule.meta, setting, { ...place, ...finding }));
  });
}

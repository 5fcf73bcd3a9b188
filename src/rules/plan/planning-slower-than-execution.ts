import type { PlanRule } from '../plan-rule.js';
import { ms, nodeData } from './node-facts.js';

export const planningSlowerThanExecution: PlanRule = {
  meta: {
    id: 'planning-slower-than-execution',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'info',
    summary: 'Planning the query took longer than running it: the plan is worth reusing.',
    thresholds: {
      minPlanningMs: { default: 10, description: 'planning time worth mentioning, in ms' },
      minRatio: { default: 1, description: 'planning time divided by execution time' },
    },
  },
  check(ctx) {
    const { planningMs, executionMs } = ctx.plan;
    if (!ctx.plan.analyzed || planningMs === undefined || executionMs === undefined) return [];
    if (planningMs < (ctx.thresholds.minPlanningMs ?? 0)) return [];
    if (planningMs < executionMs * (ctx.thresholds.minRatio ?? 1)) return [];
    return [
      {
        message: `Planning took ${ms(planningMs)}, execution ${ms(executionMs)}: most of this query's time goes into choosing its plan.`,
        why: 'Every run without a reusable plan pays the planning again: many joins, many partitions or many indexes make planning expensive.',
        help: 'Prepare the statement once and execute it many times (server-side prepared statements: the driver option, or PREPARE); prune partitions with constant predicates; for many-table joins, a lower join_collapse_limit / from_collapse_limit plans faster.',
        data: { ...nodeData(ctx.plan.root), planningMs, executionMs },
      },
    ];
  },
};

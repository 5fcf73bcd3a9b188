import type { PlanRule } from '../plan-rule.js';
import { ms, nodeData, percent } from './node-facts.js';

export const jitLargeShare: PlanRule = {
  meta: {
    id: 'jit-large-share',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'JIT compilation took a large share of the query’s time: it costs more than it saves here.',
    thresholds: {
      minJitMs: { default: 20, description: 'JIT time worth mentioning, in ms' },
      minShare: {
        default: 0.2,
        description: 'JIT time as a share of the execution time (which includes it)',
      },
    },
  },
  check(ctx) {
    const jitMs = ctx.plan.jit?.totalMs;
    const executionMs = ctx.plan.executionMs;
    if (!ctx.plan.analyzed || jitMs === undefined || executionMs === undefined || executionMs <= 0) return [];
    const share = jitMs / executionMs;
    if (jitMs < (ctx.thresholds.minJitMs ?? 0) || share < (ctx.thresholds.minShare ?? 0)) return [];
    const cost = ctx.plan.root.totalCost;
    return [
      {
        message: `JIT compilation of ${ctx.plan.jit?.functions ?? 'the'} functions took ${ms(jitMs)}, ${percent(share)} of the ${ms(executionMs)} execution.`,
        why: `PostgreSQL compiles expressions with LLVM when the plan's cost${cost === undefined ? '' : ` (${Math.round(cost)})`} exceeds jit_above_cost${ctx.plan.settings.jit_above_cost ? ` (${ctx.plan.settings.jit_above_cost})` : ''}; the compilation pays off only for queries that run long enough, and costs are often overestimated.`,
        help: 'Raise jit_above_cost / jit_optimize_above_cost / jit_inline_above_cost (for example ten times higher), or SET jit = off for this workload; fixing an overestimated cost (row estimates) also keeps JIT away.',
        data: {
          ...nodeData(ctx.plan.root),
          jitMs,
          jitFunctions: ctx.plan.jit?.functions,
          executionMs,
          totalCost: cost,
        },
      },
    ];
  },
};

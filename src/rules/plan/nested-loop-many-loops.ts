import type { PlanRule } from '../plan-rule.js';
import { executed, ms, nodeFinding, nodeLabel, percent, queryMs, rows } from './node-facts.js';

export const nestedLoopManyLoops: PlanRule = {
  meta: {
    id: 'nested-loop-many-loops',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A nested loop runs its inner side very many times, and those runs take a large share of the query.',
    thresholds: {
      minLoops: { default: 1000, description: 'times the inner side runs' },
      minInnerShare: { default: 0.2, description: "share of the query's time spent in the inner side" },
    },
  },
  check(ctx) {
    const total = queryMs(ctx.plan, ctx.metrics);
    return executed(ctx.plan, ctx.metrics).flatMap(({ node }) => {
      if (node.nodeType !== 'Nested Loop') return [];
      const [outer, inner] = node.children;
      if (!outer || !inner) return [];
      const loops = inner.actualLoops ?? 0;
      const innerMs = ctx.metrics[inner.id]?.inclusiveMs ?? 0;
      const share = total > 0 ? innerMs / total : 0;
      if (loops < (ctx.thresholds.minLoops ?? 0) || share < (ctx.thresholds.minInnerShare ?? 0)) return [];
      const expected = outer.planRows;
      const misjudged =
        expected !== undefined && loops > expected * 10
          ? ` The planner expected ${rows(expected)} outer rows, so it judged the loop cheap.`
          : '';
      return [
        nodeFinding(node, {
          message: `${node.title} runs its inner side (${nodeLabel(inner)}) ${rows(loops)} times: ${ms(innerMs)}, ${percent(share)} of the query.`,
          why: `Each outer row starts the inner side again; small per-loop costs multiply by the loop count.${misjudged}`,
          help: 'Make each inner run cheap (an index on the inner join key, with the inner filter columns), or let PostgreSQL join in one pass (hash or merge join): fix the outer row estimate (ANALYZE, CREATE STATISTICS) so it sees the loop count.',
          data: {
            innerNode: inner.id,
            innerNodeTitle: inner.title,
            actualLoops: loops,
            innerMs,
            innerShare: share,
            outerPlanRows: expected,
            outerActualRows: outer.actualRows,
          },
        }),
      ];
    });
  },
};

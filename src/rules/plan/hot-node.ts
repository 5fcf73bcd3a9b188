import type { PlanRule } from '../plan-rule.js';
import { executed, ms, nodeFinding, nodeLabel, percent, queryMs, rows } from './node-facts.js';

export const hotNode: PlanRule = {
  meta: {
    id: 'hot-node',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'info',
    summary: 'One node of the plan holds most of the query’s time: that is where to look first.',
    thresholds: {
      minShare: { default: 0.4, description: "the node's own time as a share of the query's: info" },
      dominantShare: { default: 0.9, description: 'share at which the node is the query: warning' },
      minQueryMs: { default: 1, description: 'queries faster than this (ms) are not judged' },
    },
  },
  check(ctx) {
    const nodes = executed(ctx.plan, ctx.metrics);
    const total = queryMs(ctx.plan, ctx.metrics);
    if (nodes.length < 2 || total < (ctx.thresholds.minQueryMs ?? 0)) return [];
    const hot = nodes.reduce((a, b) => (b.exclusiveMs > a.exclusiveMs ? b : a));
    const share = hot.exclusiveMs / total;
    if (share < (ctx.thresholds.minShare ?? 0)) return [];
    const dominant = share >= (ctx.thresholds.dominantShare ?? Number.POSITIVE_INFINITY);
    const loops = (hot.node.actualLoops ?? 1) > 1 ? ` over ${rows(hot.node.actualLoops ?? 0)} loops` : '';
    return [
      nodeFinding(hot.node, {
        severity: dominant ? 'warning' : 'info',
        message: `${nodeLabel(hot.node)} takes ${ms(hot.exclusiveMs)} of its own, ${percent(share)} of the query's ${ms(total)}${loops}, producing ${rows(hot.totalRows)} row${hot.totalRows === 1 ? '' : 's'}.`,
        why: dominant
          ? 'Almost all of the time is spent in this one node: speeding up anything else cannot help much.'
          : 'This node is the largest single cost in the plan.',
        help: 'Start here: the other findings on this node say why it is slow; otherwise make it do less (fewer rows in, an index that reads only what it keeps, less to sort or hash).',
        data: {
          exclusiveMs: hot.exclusiveMs,
          share,
          queryMs: total,
          actualLoops: hot.node.actualLoops,
          rows: hot.totalRows,
        },
      }),
    ];
  },
};

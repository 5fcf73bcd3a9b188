import type { PlanRule } from '../plan-rule.js';
import { executed, nodeFinding, nodeLabel, numberOf, percent, perLoopTotal, rows } from './node-facts.js';

export const lossyBitmapScan: PlanRule = {
  meta: {
    id: 'lossy-bitmap-scan',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A bitmap heap scan went lossy: its bitmap did not fit in work_mem, so whole pages are read and every row on them rechecked.',
    thresholds: {
      minLossyBlocks: { default: 1, description: 'lossy heap blocks before the scan is reported' },
      minLossyShare: { default: 0.1, description: 'share of the heap blocks that are lossy' },
    },
  },
  check(ctx) {
    return executed(ctx.plan, ctx.metrics).flatMap(({ node }) => {
      if (node.nodeType !== 'Bitmap Heap Scan') return [];
      const lossy = numberOf(node, 'Lossy Heap Blocks') ?? 0;
      const exact = numberOf(node, 'Exact Heap Blocks') ?? 0;
      const share = lossy + exact > 0 ? lossy / (lossy + exact) : 0;
      if (lossy < (ctx.thresholds.minLossyBlocks ?? 1) || share < (ctx.thresholds.minLossyShare ?? 0))
        return [];
      const rechecked = perLoopTotal(node, 'Rows Removed by Index Recheck');
      return [
        nodeFinding(node, {
          message: `${nodeLabel(node)} is lossy on ${rows(lossy)} of ${rows(lossy + exact)} heap blocks (${percent(share)}).`,
          why: `The bitmap of matching rows outgrew work_mem${ctx.plan.settings.work_mem ? ` (${ctx.plan.settings.work_mem})` : ''}, so it remembers pages instead of rows: every row of a lossy page is read and tested again${rechecked > 0 ? ` (${rows(rechecked)} rows removed by the recheck)` : ''}.`,
          help: 'Raise work_mem for this query so the bitmap stays exact, or make the condition more selective (a better index) so fewer pages match.',
          data: { lossyHeapBlocks: lossy, exactHeapBlocks: exact, rowsRemovedByIndexRecheck: rechecked },
        }),
      ];
    });
  },
};

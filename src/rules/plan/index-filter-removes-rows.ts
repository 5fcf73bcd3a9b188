import type { PlanRule } from '../plan-rule.js';
import { executed, nodeFinding, nodeLabel, percent, perLoopTotal, rows, textOf } from './node-facts.js';

const INDEX_SCANS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Heap Scan']);

export const indexFilterRemovesRows: PlanRule = {
  meta: {
    id: 'index-filter-removes-rows',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'An index scan fetches rows only to throw most of them away with a Filter: the index does not match the predicate.',
    thresholds: {
      minRemovedRows: { default: 1000, description: 'rows the Filter removes, over all loops' },
      minRemovedShare: { default: 0.5, description: 'share of the fetched rows the Filter removes' },
    },
  },
  check(ctx) {
    return executed(ctx.plan, ctx.metrics).flatMap(({ node, totalRows }) => {
      const filter = textOf(node, 'Filter');
      if (!INDEX_SCANS.has(node.nodeType) || filter === undefined) return [];
      const removed = perLoopTotal(node, 'Rows Removed by Filter');
      const fetched = removed + totalRows;
      const share = fetched > 0 ? removed / fetched : 0;
      if (removed < (ctx.thresholds.minRemovedRows ?? 0) || share < (ctx.thresholds.minRemovedShare ?? 0))
        return [];
      const cond = textOf(node, 'Index Cond') ?? textOf(node, 'Recheck Cond');
      return [
        nodeFinding(node, {
          message: `${nodeLabel(node)} fetches ${rows(fetched)} rows and its Filter throws away ${rows(removed)} (${percent(share)}).`,
          why: `The index finds rows by ${cond ?? 'its order alone'}, but ${filter} is tested only after each row is read from the table: the index does not match the predicate.`,
          help: 'Put the filter columns into the index (equality columns first, then the range column), or a partial index WHERE <the constant part of the filter>, so the scan reads only the rows it keeps.',
          data: {
            indexCond: cond,
            filter,
            rowsRemovedByFilter: removed,
            rowsKept: totalRows,
            removedShare: share,
          },
        }),
      ];
    });
  },
};

import type { PlanRule } from '../plan-rule.js';
import { executed, nodeFinding, nodeLabel, numberOf, percent, rows } from './node-facts.js';

export const indexOnlyHeapFetches: PlanRule = {
  meta: {
    id: 'index-only-heap-fetches',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'An index-only scan still visits the table for many rows, because the visibility map does not mark their pages all-visible.',
    thresholds: {
      minHeapFetches: { default: 1000, description: 'heap fetches before the scan is reported' },
      minFetchShare: { default: 0.1, description: 'heap fetches as a share of the rows returned' },
    },
  },
  check(ctx) {
    return executed(ctx.plan, ctx.metrics).flatMap(({ node, totalRows }) => {
      if (node.nodeType !== 'Index Only Scan') return [];
      // Unlike "Rows Removed by Filter", EXPLAIN prints Heap Fetches as the total over all loops.
      const fetches = numberOf(node, 'Heap Fetches') ?? 0;
      const share = totalRows > 0 ? fetches / totalRows : fetches > 0 ? 1 : 0;
      if (fetches < (ctx.thresholds.minHeapFetches ?? 0) || share < (ctx.thresholds.minFetchShare ?? 0))
        return [];
      return [
        nodeFinding(node, {
          message: `${nodeLabel(node)} fetched ${rows(fetches)} rows from the table (${percent(Math.min(share, 1))} of the ${rows(totalRows)} it returned).`,
          why: 'An index-only scan skips the table only for pages the visibility map marks all-visible; rows changed since the last VACUUM need a visit to the table, so the scan costs like a plain index scan.',
          help: `VACUUM ${node.relation ?? 'the table'} (and check that autovacuum keeps up with it: lower autovacuum_vacuum_scale_factor or autovacuum_vacuum_insert_scale_factor for this table).`,
          data: { heapFetches: fetches, actualLoops: node.actualLoops, rowsReturned: totalRows },
        }),
      ];
    });
  },
};

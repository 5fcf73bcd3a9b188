import type { NodeMetrics } from '../../plan/metrics.js';
import type { PlanNode } from '../../plan/model.js';
import { planNodes } from '../../plan/nodes.js';
import type { PlanContext, PlanRule } from '../plan-rule.js';
import type { Finding } from '../schema-rule.js';
import { executed, nodeFinding, percent, perLoopTotal, rows, textOf } from './node-facts.js';
import { isKnownSmall, tableSizeOf } from './table-size-of.js';

const HELP =
  'Give the filter an index it can use: a btree on the columns compared with = (then one range column); for LIKE/ILIKE with a leading wildcard, a trigram GIN index (pg_trgm) or full-text search.';

function filteredSeqScan(node: PlanNode): string | undefined {
  return node.nodeType === 'Seq Scan' ? textOf(node, 'Filter') : undefined;
}

/** Did the planner, with sequential scans disabled, still scan this table? Then no index serves the filter. */
function stillSeqScanned(ctx: PlanContext, node: PlanNode): boolean | undefined {
  if (!ctx.withoutSeqScan) return undefined;
  return planNodes(ctx.withoutSeqScan.root).some(
    (other) => filteredSeqScan(other) !== undefined && other.relation === node.relation,
  );
}

function measured(ctx: PlanContext, m: NodeMetrics): Finding | undefined {
  const filter = filteredSeqScan(m.node);
  if (filter === undefined) return undefined;
  const removed = perLoopTotal(m.node, 'Rows Removed by Filter');
  const read = m.totalRows + removed;
  if (read < (ctx.thresholds.minRowsRead ?? 0) || m.totalRows > read * (ctx.thresholds.maxKeptShare ?? 0))
    return undefined;
  const noIndex = stillSeqScanned(ctx, m.node);
  const judge =
    noIndex === true
      ? ' With sequential scans disabled the planner still scans it: no index can serve this filter.'
      : noIndex === false
        ? ' An index could serve it, but the planner thought the scan cheaper: check the row estimate.'
        : '';
  return nodeFinding(m.node, {
    message: `${m.node.title} on ${m.node.relation} reads ${rows(read)} rows to keep ${rows(m.totalRows)} (${percent(m.totalRows / Math.max(read, 1))}).`,
    why: `Every row of the table is read and tested against ${filter}; the work grows with the table, not with the result.${judge}`,
    help: HELP,
    data: {
      filter,
      rowsRead: read,
      rowsKept: m.totalRows,
      rowsRemovedByFilter: removed,
      noIndexCanServe: noIndex,
    },
  });
}

/** Without ANALYZE (check, parameterised queries): the planner with seq scans off is the judge. */
function estimated(ctx: PlanContext): Finding[] {
  if (!ctx.withoutSeqScan) return [];
  const own = planNodes(ctx.plan.root);
  return planNodes(ctx.withoutSeqScan.root).flatMap((forced) => {
    const filter = filteredSeqScan(forced);
    if (filter === undefined || isKnownSmall(ctx.tableSizes, forced)) return [];
    // Name the node of the plan being shown when it scans the same table the same way.
    const node =
      own.find((n) => n.relation === forced.relation && filteredSeqScan(n) !== undefined) ?? forced;
    const size = tableSizeOf(ctx.tableSizes, node);
    const known = size ? ` (~${rows(size.rows)} rows by live statistics)` : '';
    return [
      nodeFinding(node, {
        message: `Seq Scan on ${node.relation}${known}: no index can serve the filter ${filter}, so every run reads the whole table.`,
        why: 'Planned again with sequential scans disabled, PostgreSQL still had to scan the table; the work grows with the table, not with the result.',
        help: HELP,
        data: { filter, estimatedRowsKept: node.planRows, noIndexCanServe: true, tableRows: size?.rows },
      }),
    ];
  });
}

export const seqScanLargeTable: PlanRule = {
  meta: {
    id: 'seq-scan-large-table',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'A sequential scan reads a large table to keep few of its rows: an index could read only those.',
    thresholds: {
      minRowsRead: { default: 10_000, description: 'rows a measured scan must read to count as large' },
      maxKeptShare: { default: 0.1, description: 'largest share of the rows read that the filter may keep' },
    },
  },
  check(ctx) {
    if (!ctx.plan.analyzed) return estimated(ctx);
    return executed(ctx.plan, ctx.metrics).flatMap((m) => measured(ctx, m) ?? []);
  },
};

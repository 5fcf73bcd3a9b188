import type { Severity } from '../../diagnostics/diagnostic.js';
import type { PlanNode } from '../../plan/model.js';
import type { PlanContext, PlanRule } from '../plan-rule.js';
import { executed, nodeFinding, rows } from './node-facts.js';

interface Mismatch {
  readonly node: PlanNode;
  readonly factor: number;
  readonly under: boolean;
}

/** Nodes that may stop before producing every row the planner expected: a Limit above, or a semi/anti join's inner side. */
function stopsEarly(node: PlanNode, parents: ReadonlyMap<number, PlanNode>): boolean {
  for (let child = node, up = parents.get(node.id); up; child = up, up = parents.get(up.id)) {
    if (up.nodeType === 'Limit') return true;
    const join = up.properties['Join Type'];
    if ((join === 'Semi' || join === 'Anti') && child.parentRelationship === 'Inner') return true;
    if (child.parentRelationship === 'SubPlan' || child.parentRelationship === 'InitPlan') return true;
  }
  return false;
}

function parentsOf(root: PlanNode): Map<number, PlanNode> {
  const parents = new Map<number, PlanNode>();
  const visit = (node: PlanNode): void => {
    for (const child of node.children) {
      parents.set(child.id, node);
      visit(child);
    }
  };
  visit(root);
  return parents;
}

function severityOf(factor: number, t: Readonly<Record<string, number>>): Severity {
  if (factor >= (t.errorFactor ?? Number.POSITIVE_INFINITY)) return 'error';
  return factor >= (t.warningFactor ?? Number.POSITIVE_INFINITY) ? 'warning' : 'info';
}

function mismatches(ctx: PlanContext): Map<number, Mismatch> {
  const t = ctx.thresholds;
  const parents = parentsOf(ctx.plan.root);
  const found = new Map<number, Mismatch>();
  for (const { node } of executed(ctx.plan, ctx.metrics)) {
    if (node.planRows === undefined || node.actualRows === undefined) continue;
    // Per loop on both sides, as EXPLAIN prints them; below one row is noise.
    const estimate = Math.max(node.planRows, 1);
    const actual = Math.max(node.actualRows, 1);
    if (Math.max(estimate, actual) < (t.minRows ?? 0)) continue;
    const under = actual > estimate;
    const factor = under ? actual / estimate : estimate / actual;
    if (factor < (t.minFactor ?? Number.POSITIVE_INFINITY)) continue;
    if (!under && stopsEarly(node, parents)) continue;
    found.set(node.id, { node, factor, under });
  }
  return found;
}

function hasMismatchBelow(node: PlanNode, found: ReadonlyMap<number, Mismatch>): boolean {
  return node.children.some((child) => found.has(child.id) || hasMismatchBelow(child, found));
}

export const rowEstimateMismatch: PlanRule = {
  meta: {
    id: 'row-estimate-mismatch',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'The planner expected far more or far fewer rows than a node produced, so it may have picked the wrong plan.',
    thresholds: {
      minFactor: { default: 10, description: 'estimate off by at least this factor: info' },
      warningFactor: { default: 100, description: 'off by at least this factor: warning' },
      errorFactor: { default: 1000, description: 'off by at least this factor: error' },
      minRows: {
        default: 100,
        description: 'ignore nodes where both the estimate and the actual rows are below this',
      },
    },
  },
  check(ctx) {
    const found = mismatches(ctx);
    // Errors propagate upwards: report where the estimate first goes wrong, not every node above it.
    return [...found.values()]
      .filter(({ node }) => !hasMismatchBelow(node, found))
      .map(({ node, factor, under }) =>
        nodeFinding(node, {
          severity: severityOf(factor, ctx.thresholds),
          message: `${node.title}${node.relation ? ` on ${node.relation}` : ''}: the planner expected ${rows(node.planRows ?? 0)} rows per loop and got ${rows(node.actualRows ?? 0)} (${Math.round(factor)}× ${under ? 'under' : 'over'}).`,
          why: `Join methods, join order and memory are chosen from estimates: ${under ? 'too few expected rows lead to nested loops and index scans repeated far more often than planned' : 'too many expected rows lead to full scans and hash joins where an index would do'}.`,
          help: 'Run ANALYZE on the tables involved (stale statistics); for correlated columns CREATE STATISTICS (dependencies, mcv); raise the column statistics target for skewed data; avoid expressions over columns in filters, the planner cannot estimate them.',
          data: {
            planRows: node.planRows,
            actualRows: node.actualRows,
            actualLoops: node.actualLoops,
            factor: Math.round(factor * 10) / 10,
            direction: under ? 'underestimate' : 'overestimate',
          },
        }),
      );
  },
};

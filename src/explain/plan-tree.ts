import { createColors } from 'picocolors';
import type { NodeMetrics } from '../plan/metrics.js';
import { planMetrics } from '../plan/metrics.js';
import type { Plan, PlanNode } from '../plan/model.js';
import { ms, nodeLabel, percent, rows } from '../rules/plan/node-facts.js';

const BAR_WIDTH = 10;
/** Nodes holding at least this share of the time get their bar drawn in colour. */
const NOTABLE_SHARE = 0.1;

/** The hot path: from the root, always into the child where most of the time went. */
export function hotPath(root: PlanNode, metrics: readonly NodeMetrics[]): Set<number> {
  const path = new Set<number>();
  for (let node: PlanNode | undefined = root; node; ) {
    path.add(node.id);
    node = node.children.reduce<PlanNode | undefined>(
      (best, child) =>
        !best || (metrics[child.id]?.inclusiveMs ?? 0) > (metrics[best.id]?.inclusiveMs ?? 0) ? child : best,
      undefined,
    );
  }
  return path;
}

function bar(share: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * BAR_WIDTH);
  return '█'.repeat(filled) + '·'.repeat(BAR_WIDTH - filled);
}

export function figures(node: PlanNode, m: NodeMetrics | undefined, analyzed: boolean): string {
  const estimate = node.planRows === undefined ? '' : `est ${rows(node.planRows)}`;
  if (!analyzed)
    return `rows ${estimate || '?'}${node.totalCost === undefined ? '' : `  cost ${node.totalCost.toFixed(2)}`}`;
  if (node.neverExecuted) return 'never executed';
  const loops = (node.actualLoops ?? 1) > 1 ? `  loops ${rows(node.actualLoops ?? 0)}` : '';
  return `rows ${rows(m?.totalRows ?? 0)}${estimate ? ` (${estimate}${loops ? '/loop' : ''})` : ''}${loops}`;
}

/**
 * The plan as a tree, one node a line: with measured figures, each node's own share of the time
 * as a bar and a percentage, and the hot path marked with ▶.
 */
export function renderPlanTree(plan: Plan, color: boolean): string[] {
  const colors = createColors(color);
  const metrics = planMetrics(plan);
  const total = Math.max(metrics[0]?.inclusiveMs ?? 0, 1e-9);
  const hot = plan.analyzed ? hotPath(plan.root, metrics) : new Set<number>();
  const lines: string[] = [];
  const visit = (node: PlanNode, prefix: string, branch: string): void => {
    const m = metrics[node.id];
    const share = (m?.exclusiveMs ?? 0) / total;
    const paint = share >= NOTABLE_SHARE ? colors.red : colors.dim;
    const timing = plan.analyzed
      ? `${paint(bar(share))} ${percent(share).padStart(4)} ${ms(m?.exclusiveMs ?? 0).padStart(10)}  `
      : '';
    const mark = hot.has(node.id) ? colors.bold(colors.red('▶')) : ' ';
    const label = hot.has(node.id) ? colors.bold(nodeLabel(node)) : nodeLabel(node);
    lines.push(`${mark} ${timing}${prefix}${branch}${label}  ${colors.dim(figures(node, m, plan.analyzed))}`);
    const childPrefix = prefix + (branch === '' ? '' : branch === '└─ ' ? '   ' : '│  ');
    node.children.forEach((child, i) => {
      visit(child, childPrefix, i === node.children.length - 1 ? '└─ ' : '├─ ');
    });
  };
  visit(plan.root, '', '');
  return lines;
}

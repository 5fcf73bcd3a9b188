import { figures, hotPath } from '../../explain/plan-tree.js';
import { type NodeMetrics, planMetrics } from '../../plan/metrics.js';
import type { Plan, PlanNode } from '../../plan/model.js';
import { ms, nodeLabel, percent, rows } from '../../rules/plan/node-facts.js';
import type { ReportPlan } from '../report.js';
import { escapeHtml } from './escape.js';

/** What the script shows when a node is clicked: everything EXPLAIN said about it, plus the totals. */
export interface NodeDetails {
  readonly label: string;
  readonly figures: Readonly<Record<string, string | number>>;
  readonly properties: PlanNode['properties'];
}

/**
 * Each node's own share of the plan: of the measured time when EXPLAIN ANALYZE ran, else of the
 * planner's cost (its total minus its children's), so an estimated plan still shows where work goes.
 */
function shares(plan: Plan, metrics: readonly NodeMetrics[]): readonly number[] {
  if (plan.analyzed) {
    const total = Math.max(metrics[0]?.inclusiveMs ?? 0, 1e-9);
    return metrics.map((m) => m.exclusiveMs / total);
  }
  const total = Math.max(plan.root.totalCost ?? 0, 1e-9);
  return metrics.map(({ node }) => {
    const children = node.children.reduce((sum, child) => sum + (child.totalCost ?? 0), 0);
    return Math.max(0, (node.totalCost ?? 0) - children) / total;
  });
}

function detailsOf(node: PlanNode, m: NodeMetrics | undefined, analyzed: boolean): NodeDetails {
  const measured = analyzed && m && !node.neverExecuted;
  return {
    label: nodeLabel(node),
    figures: {
      ...(measured && {
        'time (own)': ms(m.exclusiveMs),
        'time (with children)': ms(m.inclusiveMs),
        'rows (total)': rows(m.totalRows),
      }),
      ...(m?.estimatedRows !== undefined && { 'rows (estimated)': rows(m.estimatedRows) }),
      ...(node.totalCost !== undefined && { cost: `${node.startupCost ?? 0}..${node.totalCost}` }),
      ...(node.actualLoops !== undefined && { loops: node.actualLoops }),
    },
    properties: node.properties,
  };
}

function nodeHtml(
  node: PlanNode,
  context: {
    metrics: readonly NodeMetrics[];
    shares: readonly number[];
    hot: ReadonlySet<number>;
    analyzed: boolean;
  },
): string {
  const share = context.shares[node.id] ?? 0;
  const m = context.metrics[node.id];
  const width = (Math.min(1, Math.max(0, share)) * 100).toFixed(1);
  const time = context.analyzed ? `<span class="ms">${ms(m?.exclusiveMs ?? 0)}</span>` : '';
  const toggle =
    node.children.length > 0
      ? '<button type="button" class="toggle" aria-expanded="true" title="collapse">▾</button>'
      : '<span class="toggle-space"></span>';
  const row = `<div class="node-row" tabindex="0">${toggle}<span class="bar"><span style="width:${width}%"></span></span><span class="pct">${percent(share)}</span>${time}<span class="title">${escapeHtml(nodeLabel(node))}</span><span class="figures">${escapeHtml(figures(node, m, context.analyzed))}</span></div>`;
  const children =
    node.children.length > 0
      ? `<ul>${node.children.map((child) => nodeHtml(child, context)).join('')}</ul>`
      : '';
  return `<li class="node${context.hot.has(node.id) ? ' hot' : ''}" data-node="${node.id}">${row}${children}</li>`;
}

function heading(entry: ReportPlan): string {
  const { plan } = entry;
  const times = [
    plan.executionMs === undefined ? '' : `execution ${ms(plan.executionMs)}`,
    plan.planningMs === undefined ? '' : `planning ${ms(plan.planningMs)}`,
  ].filter((t) => t !== '');
  const kind = plan.analyzed
    ? 'measured: bars are each node’s own share of the time'
    : 'estimates only: bars are each node’s own share of the cost';
  return `<h3>${escapeHtml(entry.label ?? 'query')} <span class="mode">${escapeHtml(entry.mode)}</span></h3><p class="plan-note">${kind}${times.length > 0 ? ` · ${times.join(', ')}` : ''}</p>`;
}

/** The plans as trees, and the details of every node for the script (embedded as JSON). */
export function plansSection(plans: readonly ReportPlan[]): {
  readonly html: string;
  readonly details: readonly (readonly NodeDetails[])[];
} {
  if (plans.length === 0) return { html: '', details: [] };
  const details: NodeDetails[][] = [];
  const articles = plans.map((entry, index) => {
    const metrics = planMetrics(entry.plan);
    const analyzed = entry.plan.analyzed;
    details.push(metrics.map((m) => detailsOf(m.node, m, analyzed)));
    const context = {
      metrics,
      shares: shares(entry.plan, metrics),
      hot: analyzed ? hotPath(entry.plan.root, metrics) : new Set<number>(),
      analyzed,
    };
    return `<article class="plan" data-plan="${index}">${heading(entry)}<div class="plan-body"><ul class="tree">${nodeHtml(entry.plan.root, context)}</ul><aside class="node-details" hidden></aside></div></article>`;
  });
  return {
    html: `<section id="plans"><h2>Query plans</h2><p class="hint">Click a node for its details; ▾ folds its children. The hot path (where most of the time went) is outlined.</p>${articles.join('')}</section>`,
    details,
  };
}

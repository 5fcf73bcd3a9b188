import type { NodeMetrics } from '../../plan/metrics.js';
import type { Plan, PlanNode } from '../../plan/model.js';
import type { Finding } from '../schema-rule.js';

/** A numeric property of the node as EXPLAIN printed it, or undefined. */
export function numberOf(node: PlanNode, key: string): number | undefined {
  const value = node.properties[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function textOf(node: PlanNode, key: string): string | undefined {
  const value = node.properties[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A per-loop figure EXPLAIN ANALYZE prints as an average over loops ("Rows Removed by Filter"),
 * as the total over every loop and process.
 */
export function perLoopTotal(node: PlanNode, key: string): number {
  return (numberOf(node, key) ?? 0) * Math.max(node.actualLoops ?? 1, 1);
}

/** How a person names the node: its title, then the index and the relation it reads. */
export function nodeLabel(node: PlanNode): string {
  const index = node.indexName ? ` using ${node.indexName}` : '';
  const relation = node.relation
    ? ` on ${node.relation}${node.alias && node.alias !== node.relation ? ` ${node.alias}` : ''}`
    : '';
  return `${node.title}${index}${relation}`;
}

/** The data every plan finding carries to name its node. */
export function nodeData(node: PlanNode): Record<string, unknown> {
  return {
    node: node.id,
    nodeTitle: node.title,
    ...(node.relation !== undefined && { relation: node.relation }),
    ...(node.indexName !== undefined && { index: node.indexName }),
  };
}

/** A finding about one node: its label leads the data, the rule's plan fields follow. */
export function nodeFinding(node: PlanNode, finding: Finding): Finding {
  return { ...finding, data: { ...nodeData(node), ...finding.data } };
}

/** Made on first use: building a NumberFormat loads locale data (~40 ms), and lint never formats plans. */
let integer: Intl.NumberFormat | undefined;

export function rows(count: number): string {
  integer ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return integer.format(count);
}

export function ms(value: number): string {
  return `${value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(3)} ms`;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;
}

export function kilobytes(kb: number): string {
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${rows(kb)} kB`;
}

/** Time of the whole plan: the root's inclusive time (shares of it add up to 100 %), else the execution time. */
export function queryMs(plan: Plan, metrics: readonly NodeMetrics[]): number {
  return metrics[0]?.inclusiveMs || plan.executionMs || 0;
}

/** The nodes whose measured figures exist: analysed, and executed at least once. */
export function executed(plan: Plan, metrics: readonly NodeMetrics[]): readonly NodeMetrics[] {
  if (!plan.analyzed) return [];
  return metrics.filter((m) => !m.node.neverExecuted && (m.node.actualLoops ?? 0) > 0);
}

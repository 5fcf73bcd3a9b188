import type { Plan, PlanNode } from './model.js';

/** A node's measured figures as totals, corrected for loops and parallel workers. */
export interface NodeMetrics {
  readonly node: PlanNode;
  /** Processes that ran the node at once: launched workers of the Gather above it, plus the leader. */
  readonly parallelism: number;
  /** Wall-clock time in the node and everything under it, in ms. */
  readonly inclusiveMs: number;
  /** Wall-clock time in the node itself: inclusive minus its children's. */
  readonly exclusiveMs: number;
  /** Rows the node produced over all loops and processes. */
  readonly totalRows: number;
  /** Rows the planner expected over all loops: the per-loop estimate times the loops. */
  readonly estimatedRows?: number;
}

const GATHERS = new Set(['Gather', 'Gather Merge']);

function launched(node: PlanNode): number {
  const value = node.properties['Workers Launched'];
  return typeof value === 'number' ? value : 0;
}

/** The leader takes part in a parallel plan unless parallel_leader_participation is off. */
function leaderParticipates(plan: Plan): boolean {
  return plan.settings.parallel_leader_participation !== 'off';
}

/**
 * Figures per node, in pre-order. EXPLAIN ANALYZE prints per-loop averages; a node under a Gather
 * runs in several processes at once, each counted as a loop, so its wall-clock time is its
 * per-loop time times loops divided by the processes, not times loops.
 */
export function planMetrics(plan: Plan): NodeMetrics[] {
  const out: NodeMetrics[] = [];
  const visit = (node: PlanNode, parallelism: number): number => {
    const inner = GATHERS.has(node.nodeType)
      ? Math.max(1, launched(node) + (leaderParticipates(plan) ? 1 : 0))
      : parallelism;
    const loops = node.actualLoops ?? 0;
    const inclusiveMs = ((node.actualTotalMs ?? 0) * loops) / (GATHERS.has(node.nodeType) ? 1 : parallelism);
    const index = out.length;
    out.push({ node, parallelism, inclusiveMs, exclusiveMs: 0, totalRows: (node.actualRows ?? 0) * loops });
    const childMs = node.children.reduce((sum, child) => sum + visit(child, inner), 0);
    const estimatedRows = node.planRows === undefined ? undefined : node.planRows * Math.max(loops, 1);
    out[index] = {
      ...(out[index] as NodeMetrics),
      exclusiveMs: Math.max(0, inclusiveMs - childMs),
      ...(estimatedRows === undefined ? {} : { estimatedRows }),
    };
    return inclusiveMs;
  };
  visit(plan.root, 1);
  return out;
}

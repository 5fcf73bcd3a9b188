import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { TableSizes } from '../migrate/table-sizes.js';
import type { NodeMetrics } from '../plan/metrics.js';
import type { Plan } from '../plan/model.js';
import type { Finding } from './schema-rule.js';

/** What a plan rule judges: one query's plan, measured or estimated. */
export interface PlanContext {
  readonly plan: Plan;
  /** planMetrics(plan): one entry per node in pre-order, so metrics[node.id] is that node's. */
  readonly metrics: readonly NodeMetrics[];
  /** Threshold values after config overrides, keyed like meta.thresholds. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** The SQL the plan is for, when pgvigil planned it itself. */
  readonly query?: string;
  /** Live statistics (--db): tables they call small are not judged as large. */
  readonly tableSizes?: TableSizes;
  /**
   * The same query planned again with enable_seqscan off: a Seq Scan still in it means no index
   * can serve that scan's predicate. Absent for plans read from a file.
   */
  readonly withoutSeqScan?: Plan;
}

/**
 * A rule over one plan. A finding names its node (data.node: PlanNode.id, data.nodeTitle) and
 * carries the plan fields it used in data. Rules that need measured figures return nothing for a
 * plan without ANALYZE (plan.analyzed false): `check` plans queries without running them.
 */
export interface PlanRule {
  readonly meta: RuleMeta;
  check(ctx: PlanContext): readonly Finding[];
}

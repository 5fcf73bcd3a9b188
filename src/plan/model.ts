/**
 * A query plan as EXPLAIN describes it, the same whichever format it came in (JSON or the text
 * psql prints). Property names follow EXPLAIN's JSON format, which PostgreSQL documents and keeps
 * stable; the typed fields below are the ones analyses read.
 */

/** A scalar or list EXPLAIN prints for a node ("Filter", "Sort Key", "Rows Removed by Filter", ...). */
export type PlanValue = string | number | boolean | readonly string[];

export interface PlanBuffers {
  readonly sharedHit: number;
  readonly sharedRead: number;
  readonly sharedDirtied: number;
  readonly sharedWritten: number;
  readonly localHit: number;
  readonly localRead: number;
  readonly tempRead: number;
  readonly tempWritten: number;
}

/** One parallel worker's share of a node (EXPLAIN ANALYZE VERBOSE, or text "Worker N:" lines). */
export interface PlanWorker {
  readonly number: number;
  readonly actualTotalMs?: number;
  readonly actualRows?: number;
  readonly actualLoops?: number;
  readonly properties: Readonly<Record<string, PlanValue>>;
}

export interface PlanNode {
  /** Position in a pre-order walk from the root (0): stable within one plan. */
  readonly id: number;
  /** EXPLAIN's JSON "Node Type": "Seq Scan", "Aggregate", "Hash Join", "Nested Loop", ... */
  readonly nodeType: string;
  /** How the text format titles it: "HashAggregate", "Hash Left Join", "Parallel Seq Scan". */
  readonly title: string;
  readonly relation?: string;
  readonly schema?: string;
  readonly alias?: string;
  readonly indexName?: string;
  readonly parallelAware: boolean;
  readonly backward: boolean;
  /** "Outer", "Inner", "Member", "InitPlan", "SubPlan", "Subquery"; undefined for the root. */
  readonly parentRelationship?: string;
  readonly subplanName?: string;
  /** The planner's estimate; costs are absent when EXPLAIN ran with COSTS OFF. */
  readonly startupCost?: number;
  readonly totalCost?: number;
  readonly planRows?: number;
  readonly planWidth?: number;
  /**
   * Measured by EXPLAIN ANALYZE: times (absent with TIMING OFF) and rows are averages per loop, as
   * PostgreSQL prints them; see metrics.ts for the totals.
   */
  readonly actualStartupMs?: number;
  readonly actualTotalMs?: number;
  readonly actualRows?: number;
  readonly actualLoops?: number;
  /** EXPLAIN ANALYZE ran, but this node never did (a branch that was not needed). */
  readonly neverExecuted: boolean;
  readonly buffers?: PlanBuffers;
  readonly workers: readonly PlanWorker[];
  /** Every property of the node except its children, named as EXPLAIN's JSON names it. */
  readonly properties: Readonly<Record<string, PlanValue>>;
  readonly children: readonly PlanNode[];
}

export interface PlanTrigger {
  /** The trigger's name; the text format gives only the constraint's for foreign-key triggers. */
  readonly name?: string;
  /** For a constraint trigger (foreign keys), the constraint it enforces. */
  readonly constraint?: string;
  readonly relation?: string;
  readonly timeMs?: number;
  readonly calls?: number;
}

export interface Plan {
  readonly root: PlanNode;
  /** EXPLAIN ANALYZE ran: actual figures exist. */
  readonly analyzed: boolean;
  readonly planningMs?: number;
  readonly executionMs?: number;
  readonly planningBuffers?: PlanBuffers;
  /** JIT compilation: functions compiled and the total time it took. */
  readonly jit?: { readonly functions?: number; readonly totalMs?: number };
  readonly triggers: readonly PlanTrigger[];
  /** Non-default planner settings (EXPLAIN SETTINGS). */
  readonly settings: Readonly<Record<string, string>>;
}

import type { Engine } from '../engine/engine.js';
import { planFromJson } from '../plan/json-plan.js';
import type { Plan } from '../plan/model.js';
import { parsePlan } from '../plan/parse-plan.js';

/** How a plan was obtained: run and measured, or planned only (and why). */
export type PlanMode = 'analyzed' | 'generic' | 'read-only' | 'estimated';

export interface PlannedStatement {
  readonly plan: Plan;
  /** The same query planned with enable_seqscan off (never run). */
  readonly withoutSeqScan: Plan;
  readonly mode: PlanMode;
}

export interface PlanOptions {
  /** statement_timeout for everything this runs, in ms. */
  readonly timeoutMs: number;
  /** INSERT, UPDATE, DELETE, MERGE may run (always rolled back): false on a read-only --db session. */
  readonly writesAllowed: boolean;
  /** false: plan only, never run (check). Default true. */
  readonly analyze?: boolean;
}

const WRITES: ReadonlySet<string> = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);
const PREPARED = 'pgvigil_explain';

function planOf(value: unknown): Plan {
  return typeof value === 'string' ? parsePlan(value) : planFromJson(value);
}

async function explainJson(tx: Engine, options: string, sql: string): Promise<Plan> {
  const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(
    `EXPLAIN (${options}, SETTINGS, FORMAT JSON) ${sql}`,
  );
  return planOf(rows[0]?.['QUERY PLAN']);
}

/** EXPLAIN (GENERIC_PLAN) needs the simple query protocol: bound values would reach the planner. */
function hasGenericPlan(engine: Engine): boolean {
  return engine.serverVersion >= 160000 && engine.kind === 'server';
}

/**
 * A generic plan for a query with $n parameters: EXPLAIN (GENERIC_PLAN) on a PostgreSQL 16+
 * server; before 16, and on PGlite (whose queries always use the extended protocol, which binds
 * values), PREPARE and EXPLAIN EXECUTE with NULLs under plan_cache_mode = force_generic_plan, so
 * the values never reach the planner. Neither runs the query.
 */
async function genericPlan(tx: Engine, sql: string, parameters: number): Promise<Plan> {
  if (hasGenericPlan(tx)) return explainJson(tx, 'GENERIC_PLAN', sql);
  await tx.exec(`SET LOCAL plan_cache_mode = force_generic_plan; PREPARE ${PREPARED} AS ${sql}`);
  const nulls = Array.from({ length: parameters }, () => 'NULL').join(', ');
  return explainJson(tx, 'COSTS', `EXECUTE ${PREPARED}${nulls ? `(${nulls})` : ''}`);
}

/**
 * The estimated plan of a statement, never run: plain EXPLAIN, or a generic plan for $n
 * parameters. Runs in a savepoint of tx and leaves no prepared statement behind.
 */
export async function estimatedPlan(tx: Engine, sql: string, parameters: number): Promise<Plan> {
  if (parameters === 0) return explainJson(tx, 'COSTS', sql);
  try {
    return await tx.transaction((inner) => genericPlan(inner, sql, parameters), { rollback: true });
  } finally {
    if (!hasGenericPlan(tx)) await tx.exec(`DEALLOCATE ${PREPARED}`).catch(() => undefined);
  }
}

/**
 * Plans one statement inside a transaction that is always rolled back, under statement_timeout.
 * A statement without parameters runs under EXPLAIN ANALYZE, unless it writes and writes are not
 * allowed (a read-only --db session): then it is only planned.
 */
export async function planStatement(
  engine: Engine,
  statement: {
    readonly text: string;
    readonly kind: string /** The highest $n in the statement: 0 without parameters. */;
    readonly parameters: number;
  },
  options: PlanOptions,
): Promise<PlannedStatement> {
  const mode: PlanMode =
    statement.parameters > 0
      ? 'generic'
      : options.analyze === false
        ? 'estimated'
        : WRITES.has(statement.kind) && !options.writesAllowed
          ? 'read-only'
          : 'analyzed';
  const estimate = (tx: Engine) =>
    statement.parameters > 0
      ? genericPlan(tx, statement.text, statement.parameters)
      : explainJson(tx, 'COSTS', statement.text);
  try {
    return await engine.transaction(
      async (tx) => {
        await tx.exec(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(options.timeoutMs))}`);
        const plan =
          mode === 'analyzed'
            ? await explainJson(tx, 'ANALYZE, BUFFERS', statement.text)
            : await estimate(tx);
        if (statement.parameters > 0 && !hasGenericPlan(tx)) await tx.exec(`DEALLOCATE ${PREPARED}`);
        await tx.exec('SET LOCAL enable_seqscan = off');
        const withoutSeqScan = await estimate(tx);
        return { plan, withoutSeqScan, mode };
      },
      { rollback: true },
    );
  } finally {
    // PREPARE outlives a rolled-back transaction.
    if (statement.parameters > 0 && !hasGenericPlan(engine))
      await engine.exec(`DEALLOCATE ${PREPARED}`).catch(() => undefined);
  }
}

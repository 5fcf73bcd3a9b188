import type { Table } from '../catalog/model.js';
import type { Engine } from '../engine/engine.js';
import { parameterCount } from '../explain/parameters.js';
import { estimatedPlan } from '../explain/plan-statement.js';
import type { Statement } from '../sql/statement.js';
import { tableUses } from './query-shape.js';
import type { WorkloadQuery } from './workload.js';

/** Statements an index can change the plan of. */
export const PLANNABLE: ReadonlySet<string> = new Set(['SelectStmt', 'UpdateStmt', 'DeleteStmt']);

/** Where a query came from and how much it counts: the part of a WorkloadQuery each source knows. */
export interface QueryOrigin {
  readonly label: string;
  readonly file?: string;
  readonly weight: number;
}

/** A statement as the advisor's query number `id`. */
export function workloadQuery(
  id: number,
  statement: Statement,
  tables: readonly Table[],
  origin: QueryOrigin,
): WorkloadQuery {
  return {
    id,
    ...origin,
    statement,
    parameters: parameterCount(statement.node),
    uses: tableUses(tables, statement.node),
  };
}

/** Undefined when the statement plans against the schema, else PostgreSQL's reason. */
export async function planProblem(engine: Engine, statement: Statement): Promise<unknown> {
  return engine
    .transaction((tx) => estimatedPlan(tx, statement.text, parameterCount(statement.node)), {
      rollback: true,
    })
    .then(
      () => undefined,
      (error: unknown) => error ?? new Error('planning failed'),
    );
}

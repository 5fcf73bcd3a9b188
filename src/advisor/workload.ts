import type { Statement } from '../sql/statement.js';
import type { TableUse } from './query-shape.js';

/** One query of the workload the advisor judges indexes by. */
export interface WorkloadQuery {
  /** Position in the workload: the key of every cost map. */
  readonly id: number;
  /** file:line, or where else the query came from, for the report. */
  readonly label: string;
  /** The SQL file holding it; undefined for a query from pg_stat_statements. */
  readonly file?: string;
  readonly statement: Statement;
  /** The highest $n: planned generically when above 0. */
  readonly parameters: number;
  /** How much the query counts: calls × mean time when the workload has them, 1 for a queries folder. */
  readonly weight: number;
  readonly uses: readonly TableUse[];
}

/** Planner cost per query id. */
export type Costs = ReadonlyMap<number, number>;

/** The queries whose plans an index on `table` can change. */
export function queriesOn(queries: readonly WorkloadQuery[], table: string): WorkloadQuery[] {
  return queries.filter((q) => q.uses.some((u) => u.table.qualified === table));
}

import type { Table } from '../catalog/model.js';
import type { Engine } from '../engine/engine.js';
import { AdviseError } from './advise-error.js';
import { tableUses } from './query-shape.js';
import { statStatement } from './stat-statement.js';
import type { WorkloadQuery } from './workload.js';
import { PLANNABLE, planProblem, workloadQuery } from './workload-query.js';

/** The statements on the database's tables taking the most time: beyond them, an index's benefit is noise. */
export const STAT_STATEMENTS_LIMIT = 100;

/** Rows read from the view: catalog reads (pgvigil's own among them) are many and are dropped after parsing. */
const ROWS_READ = 2000;

interface StatRow {
  readonly query: string;
  readonly calls: string;
  readonly total_ms: number;
}

export interface StatWorkload {
  readonly queries: readonly WorkloadQuery[];
  /** Statements read but left out: not plannable here (utility statements, other schemas' tables). */
  readonly skipped: number;
}

/**
 * The workload pg_stat_statements recorded for this database: its normalised statements ($n for
 * constants, planned generically), each weighing its total execution time (calls × mean), so an
 * index counts by the time it would save. Read-only: one SELECT on the view.
 */
export async function readStatStatements(engine: Engine, tables: readonly Table[]): Promise<StatWorkload> {
  const { rows: installed } = await engine.query(
    "SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_stat_statements'",
  );
  if (installed.length === 0)
    throw new AdviseError(
      'advise --db without a queries folder reads pg_stat_statements, which this database lacks (CREATE EXTENSION pg_stat_statements, with it in shared_preload_libraries); or give the queries folder.',
    );
  const total = engine.serverVersion >= 130000 ? 'total_exec_time' : 'total_time';
  const { rows } = await engine.query<StatRow>(
    `SELECT s.query, s.calls::text AS calls, s.${total}::float8 AS total_ms
     FROM pg_stat_statements s JOIN pg_catalog.pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query ~* '^\\s*(prepare\\s+\\S+\\s+as\\s+)?(select|update|delete|with)\\M'
     ORDER BY s.${total} DESC LIMIT ${ROWS_READ}`,
  );
  const queries: WorkloadQuery[] = [];
  let skipped = 0;
  for (const [i, row] of rows.entries()) {
    if (queries.length === STAT_STATEMENTS_LIMIT) break;
    const statement = statStatement(row.query);
    if (!statement || !PLANNABLE.has(statement.kind) || tableUses(tables, statement.node).length === 0)
      continue;
    if ((await planProblem(engine, statement)) !== undefined) {
      skipped++;
      continue;
    }
    const label = `pg_stat_statements #${i + 1} (${row.calls} calls, ${Math.round(row.total_ms)} ms): ${statement.text.replace(/\s+/g, ' ').slice(0, 80)}`;
    const origin = { label, weight: Math.max(row.total_ms, Number.EPSILON) };
    queries.push(workloadQuery(queries.length, statement, tables, origin));
  }
  return { queries, skipped };
}

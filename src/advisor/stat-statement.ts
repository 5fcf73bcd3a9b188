import { sqlFileFrom } from '../project/sql-file.js';
import type { Statement } from '../sql/statement.js';

/**
 * The view keeps the first text seen for a statement: `PREPARE name AS SELECT ...` when a driver
 * (or an earlier pgvigil) prepared it first; the statement is after AS.
 */
const PREPARED = /^\s*prepare\s+\S+\s+as\s+/i;

/** The statement of a pg_stat_statements text, parsed; undefined when it does not parse. */
export function statStatement(text: string): Statement | undefined {
  const split = sqlFileFrom('pg_stat_statements', text.replace(PREPARED, '')).split;
  return split.diagnostics.some((d) => d.severity === 'error') ? undefined : split.statements[0];
}

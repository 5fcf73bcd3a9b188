import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { inputDiagnostic } from '../sql/input-diagnostic.js';
import type { SourceText } from '../sql/positions.js';
import type { Statement } from '../sql/statement.js';

interface PostgresError {
  readonly message: string;
  readonly code?: string;
  /** 1-based character position in the statement, when Postgres points at a token. */
  readonly position?: string | number;
  readonly hint?: string;
}

function asPostgresError(error: unknown): PostgresError {
  if (error instanceof Error) return error as Error & PostgresError;
  return { message: String(error) };
}

/** Postgres refused a statement: say so where it points, with its own words and hint. */
export function statementFailed(
  source: SourceText,
  file: string,
  statement: Statement,
  error: unknown,
  context: string,
  /** Characters pgvigil put before the statement text (an EXPLAIN prefix), to subtract from the error position. */
  prefixLength = 0,
): Diagnostic {
  const pg = asPostgresError(error);
  const position = Math.max(0, Number(pg.position ?? 0) - prefixLength);
  const at = Math.min(source.codePointsToIndex(statement.start, position - 1), statement.end);
  const span = position > 0 ? source.spanOf(file, at, at + 1) : statement.span;
  return inputDiagnostic(STATEMENT_FAILED, span, {
    message: `PostgreSQL rejected this statement: ${pg.message}`,
    why: context,
    help: pg.hint ?? 'Fix the statement so it runs on PostgreSQL; check it against the schema it runs after.',
    data: pg.code ? { sqlstate: pg.code } : undefined,
  });
}

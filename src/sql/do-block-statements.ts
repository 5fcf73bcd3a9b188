import type { DoStmt } from '@pgsql/types';
import { parsePlpgsql } from './parser.js';

/** The SQL a DO block runs, as far as its text tells. */
export interface DoBlockStatements {
  /** Every SQL statement in the body (IF branches and loop bodies included), in order. */
  readonly statements: readonly string[];
  /** EXECUTE of a string computed at run time: not seen. */
  readonly dynamic: number;
  /** Why the body could not be read (another language, or PL/pgSQL refused it). */
  readonly unread?: string;
}

// PL/pgSQL parses an expression that is a whole statement in RAW_PARSE_DEFAULT mode (0).
const WHOLE_STATEMENT = 0;

function optionOf(stmt: DoStmt, name: string): string | undefined {
  for (const arg of stmt.args ?? [])
    if ('DefElem' in arg && arg.DefElem.defname === name) {
      const value = arg.DefElem.arg;
      if (value && 'String' in value) return value.String.sval;
    }
  return undefined;
}

/** A string literal alone ('…', E'…' aside): what EXECUTE of a constant runs. */
function constantString(expression: string): string | undefined {
  const match = /^\s*'((?:[^']|'')*)'\s*$/.exec(expression);
  return match?.[1]?.replaceAll("''", "'");
}

function walk(node: unknown, found: { statements: string[]; dynamic: number }): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const dyn = record.PLpgSQL_stmt_dynexecute as { query?: { PLpgSQL_expr?: { query?: string } } } | undefined;
  if (dyn) {
    const constant = constantString(dyn.query?.PLpgSQL_expr?.query ?? '');
    if (constant === undefined) found.dynamic++;
    else found.statements.push(constant);
    return;
  }
  const expr = record.PLpgSQL_expr as { query?: string; parseMode?: number } | undefined;
  if (expr?.query !== undefined && (expr.parseMode ?? WHOLE_STATEMENT) === WHOLE_STATEMENT)
    found.statements.push(expr.query);
  for (const value of Object.values(record)) walk(value, found);
}

/** Reads a DO block's body with PostgreSQL's PL/pgSQL parser (through a CREATE FUNCTION around it). */
export function doBlockStatements(stmt: DoStmt): DoBlockStatements {
  const body = optionOf(stmt, 'as') ?? '';
  const language = (optionOf(stmt, 'language') ?? 'plpgsql').toLowerCase();
  if (language !== 'plpgsql') return { statements: [], dynamic: 0, unread: `it is written in ${language}` };
  let tag = 'pgvigil';
  while (body.includes(`$${tag}$`)) tag += '_';
  const parsed = parsePlpgsql(
    `CREATE FUNCTION pgvigil_do_block() RETURNS void LANGUAGE plpgsql AS $${tag}$${body}$${tag}$`,
  );
  if (parsed === undefined)
    return { statements: [], dynamic: 0, unread: 'PL/pgSQL could not parse its body' };
  const found = { statements: [] as string[], dynamic: 0 };
  walk(parsed, found);
  return found;
}

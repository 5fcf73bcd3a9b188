import { parseSql, scanSql } from '../sql/parser.js';

/** What the file gives a `COPY … FROM STDIN`: its inline rows, up to psql's `\.`. */
export const NO_COPY_DATA =
  'COPY … FROM STDIN has no rows after it: end the statement with its rows and a line `\\.`, as psql reads them (or load the data with COPY … FROM a server file).';

// Linear on a dump of many MB; the parse tree decides.
const MAYBE_COPY_FROM_STDIN = /\bfrom\s+stdin\b/i;

/**
 * The byte range of STDIN in each top-level `COPY … FROM STDIN` of a script; empty when there is none.
 * The regex only spares the parser on the common case: the tree decides.
 */
function stdinTokens(sql: string): readonly { start: number; end: number }[] {
  if (!MAYBE_COPY_FROM_STDIN.test(sql)) return [];
  const parsed = parseSql(sql);
  if (!parsed.ok) return [];
  const copies = (parsed.result.stmts ?? []).filter(({ stmt }) => {
    const copy = stmt && 'CopyStmt' in stmt ? stmt.CopyStmt : undefined;
    return copy?.is_from === true && copy.filename === undefined && copy.is_program !== true;
  });
  if (copies.length === 0) return [];
  // STDIN is a keyword token (libpg-query names keywords UNKNOWN); a quoted "stdin" is an identifier.
  return (scanSql(sql) ?? []).filter(
    (token) => token.keywordKind > 0 && token.text.toLowerCase() === 'stdin',
  );
}

/** True when the script holds a `COPY … FROM STDIN`: sent as it is, the engine would wait for rows forever. */
export function hasCopyFromStdin(sql: string): boolean {
  return stdinTokens(sql).length > 0;
}

/** The statement with STDIN replaced by `replacement` (PGlite reads a blob from '/dev/blob'). */
export function copyFromInstead(sql: string, replacement: string): string {
  const [stdin] = stdinTokens(sql);
  if (!stdin) throw new Error(`not a COPY … FROM STDIN: ${sql.slice(0, 60)}`);
  const bytes = Buffer.from(sql, 'utf8');
  return `${bytes.subarray(0, stdin.start).toString('utf8')}${replacement}${bytes.subarray(stdin.end).toString('utf8')}`;
}

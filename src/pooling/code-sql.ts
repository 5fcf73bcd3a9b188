/** A SQL string written in application code, ready to parse. */
export interface CodeSql {
  /** Index of the literal's first character after the quote. */
  readonly start: number;
  /** The SQL with template interpolations as $1, $2, ... */
  readonly sql: string;
  /**
   * The interpolations as identifiers instead: where a parameter cannot stand (`SET search_path =
   * ${schema}`, text pasted in), a name can.
   */
  readonly sqlWithNames: string;
  /** The SQL is the literal's text unchanged, so its indices map onto the file. */
  readonly exact: boolean;
}

// Methods and tags that take SQL text: node-postgres, pg-promise, postgres.js, Prisma raw, Knex, Kysely, Drizzle.
const CALL_ARG =
  /(?:^|[^\w$])(?:query|execute|raw|unsafe|none|one|many|any|oneOrNone|manyOrNone|result|\$queryRaw(?:Unsafe)?|\$executeRaw(?:Unsafe)?)\s*\(\s*(['"`])/g;
const TAGGED = /(?:^|[^\w$.])(?:sql|tx|db|trx|\$queryRaw|\$executeRaw)\s*`/g;
const TEXT_PROPERTY = /(?:^|[{,\s])text\s*:\s*(['"`])/g;

function literalAt(text: string, masked: string, quoteIndex: number): CodeSql {
  const quote = masked[quoteIndex] ?? '"';
  const close = masked.indexOf(quote, quoteIndex + 1);
  const raw = text.slice(quoteIndex + 1, close < 0 ? text.length : close);
  const unescaped = raw.replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');
  let n = 0;
  const sql = unescaped.replace(/\$\{[^}]*\}/g, () => `$${++n}`);
  let m = 0;
  const sqlWithNames = unescaped.replace(/\$\{[^}]*\}/g, () => `pgvigil_value_${++m}`);
  return { start: quoteIndex + 1, sql, sqlWithNames, exact: sql === raw };
}

/**
 * SQL strings passed to the usual query calls of one JavaScript/TypeScript file. `masked` is the
 * file through maskCode (strings blanked, quotes kept), so nothing inside comments or other
 * strings is taken for a call.
 */
export function sqlInCode(text: string, masked: string): CodeSql[] {
  const quotes = new Set<number>();
  for (const m of masked.matchAll(CALL_ARG)) quotes.add(m.index + m[0].length - 1);
  for (const m of masked.matchAll(TAGGED)) quotes.add(m.index + m[0].length - 1);
  for (const m of masked.matchAll(TEXT_PROPERTY)) quotes.add(m.index + m[0].length - 1);
  return [...quotes].sort((a, b) => a - b).map((quote) => literalAt(text, masked, quote));
}

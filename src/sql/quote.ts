import { scanSql } from './parser.js';

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/**
 * Quotes an identifier exactly when PostgreSQL's quote_ident would: anything but lower-case
 * letters, digits, `_` and `$`, or a keyword other than an unreserved one (the parser's own
 * scanner says which).
 */
export function quoteIdent(name: string): string {
  if (PLAIN_IDENTIFIER.test(name)) {
    const token = scanSql(name)?.[0];
    const keyword = token?.keywordName;
    if (keyword === undefined || keyword === 'NO_KEYWORD' || keyword === 'UNRESERVED_KEYWORD') return name;
  }
  return `"${name.replaceAll('"', '""')}"`;
}

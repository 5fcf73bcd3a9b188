import { scanSql } from './parser.js';

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Asking the scanner crosses into WASM; names repeat a lot across a schema's findings. */
const keywordCache = new Map<string, boolean>();

function needsQuotesAsKeyword(name: string): boolean {
  // No PostgreSQL keyword has a digit in it (kwlist.h), and such names are common: skip the scanner.
  if (/[0-9]/.test(name)) return false;
  let quoted = keywordCache.get(name);
  if (quoted === undefined) {
    const keyword = scanSql(name)?.[0]?.keywordName;
    quoted = !(keyword === undefined || keyword === 'NO_KEYWORD' || keyword === 'UNRESERVED_KEYWORD');
    keywordCache.set(name, quoted);
  }
  return quoted;
}

/**
 * Quotes an identifier exactly when PostgreSQL's quote_ident would: anything but lower-case
 * letters, digits and `_`, or a keyword other than an unreserved one (the parser's own
 * scanner says which).
 */
export function quoteIdent(name: string): string {
  if (PLAIN_IDENTIFIER.test(name) && !needsQuotesAsKeyword(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

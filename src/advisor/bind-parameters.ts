import { scanSql } from '../sql/parser.js';

/** log_parameter_max_length cut the value: `'abc'...` is not the value the query ran with. */
const TRUNCATED = /\.\.\.$/;

/**
 * The statement with each $n replaced by the value a log printed for it (`'42'`, `NULL`), so it
 * plans as it ran; undefined when a value is missing or truncated, or the text does not scan
 * (the caller plans it generically then). A quoted value stays an untyped literal, which
 * PostgreSQL types from its context as it types a parameter.
 */
export function bindParameters(sql: string, values: readonly string[]): string | undefined {
  const tokens = scanSql(sql);
  if (!tokens) return undefined;
  const bytes = Buffer.from(sql, 'utf8');
  const parts: Buffer[] = [];
  let at = 0;
  for (const token of tokens) {
    if (token.tokenName !== 'PARAM') continue;
    const value = values[Number(token.text.slice(1)) - 1];
    if (value === undefined || TRUNCATED.test(value)) return undefined;
    parts.push(bytes.subarray(at, token.start), Buffer.from(value, 'utf8'));
    at = token.end;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}

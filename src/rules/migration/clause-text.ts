import { scanSql } from '../../sql/parser.js';
import type { Statement } from '../../sql/statement.js';

/**
 * The text of one clause of the statement (a constraint, a column definition), from a parse tree
 * location (an index into the file) to the first comma outside parentheses, or to `stop` (another
 * location, e.g. the next constraint of the same column), whichever comes first.
 */
export function clauseAt(statement: Statement, location: number, stop?: number): string {
  const from = location - statement.start;
  const to = stop === undefined || stop < location ? statement.text.length : stop - statement.start;
  const slice = statement.text.slice(from, to);
  const bytes = Buffer.from(slice, 'utf8');
  let depth = 0;
  for (const token of scanSql(slice) ?? []) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (token.text === ',' && depth === 0) return bytes.subarray(0, token.start).toString('utf8').trim();
  }
  return slice.trim();
}

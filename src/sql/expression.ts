import type { Node } from '@pgsql/types';
import { parseSql } from './parser.js';

/** The parse tree of a boolean expression as PostgreSQL deparses it (an index predicate, a CHECK). */
export function parseCondition(expression: string): Node | undefined {
  const outcome = parseSql(`SELECT WHERE ${expression}`);
  if (!outcome.ok) return undefined;
  const select = outcome.result.stmts?.[0]?.stmt;
  return select && 'SelectStmt' in select ? select.SelectStmt.whereClause : undefined;
}

function columnName(node: Node | undefined): string | undefined {
  if (!node || !('ColumnRef' in node)) return undefined;
  const last = node.ColumnRef.fields?.at(-1);
  return last && 'String' in last ? last.String.sval : undefined;
}

function isNotNullOn(node: Node, columns: ReadonlySet<string>): boolean {
  if ('NullTest' in node) {
    const column = columnName(node.NullTest.arg);
    return node.NullTest.nulltesttype === 'IS_NOT_NULL' && column !== undefined && columns.has(column);
  }
  if ('BoolExpr' in node && node.BoolExpr.boolop === 'AND_EXPR') {
    return (node.BoolExpr.args ?? []).every((arg) => isNotNullOn(arg, columns));
  }
  return false;
}

/**
 * True when the condition is `col IS NOT NULL`, or such tests joined by AND, on the given columns
 * only: then it holds for every row whose columns are all non-null.
 */
export function isNotNullConjunction(expression: string, columns: readonly string[]): boolean {
  const condition = parseCondition(expression);
  return condition !== undefined && isNotNullOn(condition, new Set(columns));
}

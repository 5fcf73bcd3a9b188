import type { Node } from '@pgsql/types';
import { parseCondition } from '../../sql/expression.js';

function conjuncts(node: Node): readonly Node[] {
  return 'BoolExpr' in node && node.BoolExpr.boolop === 'AND_EXPR'
    ? (node.BoolExpr.args ?? []).flatMap(conjuncts)
    : [node];
}

function notNullTestColumn(node: Node): string | undefined {
  if (!('NullTest' in node) || node.NullTest.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const arg = node.NullTest.arg;
  const last = arg && 'ColumnRef' in arg ? arg.ColumnRef.fields?.at(-1) : undefined;
  return last && 'String' in last ? last.String.sval : undefined;
}

/**
 * The columns a predicate proves non-null: those with a `col IS NOT NULL` among its top-level
 * AND terms (`WHERE email IS NOT NULL AND deleted_at IS NULL` proves email). Anything under OR
 * or NOT proves nothing.
 */
export function notNullColumns(predicate: string | undefined): ReadonlySet<string> {
  const condition = predicate === undefined ? undefined : parseCondition(predicate);
  if (!condition) return new Set();
  return new Set(conjuncts(condition).flatMap((node) => notNullTestColumn(node) ?? []));
}

import type { Node, SelectStmt } from '@pgsql/types';
import { parseOnlyStatement } from '../sql/parser.js';
import { quoteIdent } from '../sql/quote.js';

/** What a fix needs from a one-table SELECT: its table, plain columns, key and order. */
export interface SelectShape {
  /** As it goes into SQL: quoted where needed, schema-qualified when the query was. */
  readonly table: string;
  /** The bare table name. */
  readonly name: string;
  /** Plain column names in the select list, '*', or undefined when it holds expressions. */
  readonly columns?: readonly string[] | '*';
  /** The column compared with `=` to a parameter or a constant: `post_id` of `WHERE post_id = $1`. */
  readonly key?: string;
  /** Other conditions beside the key's (the fix then needs them too). */
  readonly otherConditions: boolean;
  readonly order: readonly { readonly column: string; readonly desc: boolean }[];
}

function columnName(node: Node | undefined): string | undefined {
  if (!node || !('ColumnRef' in node)) return undefined;
  const last = node.ColumnRef.fields?.at(-1);
  return last && 'String' in last ? last.String.sval : undefined;
}

function isValue(node: Node | undefined): boolean {
  return node !== undefined && ('ParamRef' in node || 'A_Const' in node || 'TypeCast' in node);
}

/** `col = $1` (either side) as the column name. */
function keyOf(node: Node | undefined): string | undefined {
  if (!node || !('A_Expr' in node)) return undefined;
  const { kind, name, lexpr, rexpr } = node.A_Expr;
  const op = name?.[0];
  if (kind !== 'AEXPR_OP' || !op || !('String' in op) || op.String.sval !== '=') return undefined;
  if (isValue(rexpr)) return columnName(lexpr);
  if (isValue(lexpr)) return columnName(rexpr);
  return undefined;
}

function conditions(where: Node | undefined): Node[] {
  if (!where) return [];
  if ('BoolExpr' in where && where.BoolExpr.boolop === 'AND_EXPR') return where.BoolExpr.args ?? [];
  return [where];
}

function shapeOf(select: SelectStmt): SelectShape | undefined {
  const from = select.fromClause ?? [];
  const range = from[0];
  if (from.length !== 1 || !range || !('RangeVar' in range) || select.groupClause || select.withClause)
    return undefined;
  const { schemaname, relname = '' } = range.RangeVar;
  const targets = (select.targetList ?? []).map((t) => ('ResTarget' in t ? t.ResTarget : undefined));
  const names = targets.map((t) => (t?.name ? undefined : columnName(t?.val)));
  const star =
    targets.length === 1 && targets[0]?.val && 'ColumnRef' in targets[0].val && names[0] === undefined;
  const parts = conditions(select.whereClause);
  const key = parts.map(keyOf).find((name) => name !== undefined);
  const order = (select.sortClause ?? []).map((s) =>
    'SortBy' in s
      ? { column: columnName(s.SortBy.node), desc: s.SortBy.sortby_dir === 'SORTBY_DESC' }
      : undefined,
  );
  return {
    table: schemaname ? `${quoteIdent(schemaname)}.${quoteIdent(relname)}` : quoteIdent(relname),
    name: relname,
    ...(star && { columns: '*' as const }),
    ...(names.every((n) => n !== undefined) && names.length > 0 && { columns: names as string[] }),
    ...(key !== undefined && { key }),
    otherConditions: parts.length > 1,
    order: order.every((o) => o?.column !== undefined) ? (order as { column: string; desc: boolean }[]) : [],
  };
}

/** The shape of a plain one-table SELECT, or undefined for anything else (joins, unions, CTEs). */
export function selectShape(sql: string): SelectShape | undefined {
  const stmt = parseOnlyStatement(sql);
  if (!stmt || !('SelectStmt' in stmt)) return undefined;
  const select = stmt.SelectStmt;
  if (select.op && select.op !== 'SETOP_NONE') return undefined;
  return shapeOf(select);
}

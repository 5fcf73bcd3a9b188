import type { A_Const, Node } from '@pgsql/types';
import { sqlLiteral } from '../catalog/diff/names.js';
import type { Table } from '../catalog/model.js';
import { collect } from '../sql/walk.js';
import { type ResolvedColumn, resolveColumn, type Scope, scopeOf } from './scope.js';

export interface OrderKey {
  readonly column: string;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** What one query asks of one table, read from its parse tree: the raw material of candidates. */
export interface TableUse {
  readonly table: Table;
  /** Columns compared with = (or IN) to a value: a parameter, an expression, a constant. */
  readonly equal: readonly string[];
  /** `column = constant` predicates, as SQL (`status = 'published'`): partial index material. */
  readonly constants: readonly { readonly column: string; readonly predicate: string }[];
  /** Columns compared with <, >, <=, >=, BETWEEN. */
  readonly ranges: readonly string[];
  /** ORDER BY keys, when all of them are plain columns of this table. */
  readonly order: readonly OrderKey[];
  readonly group: readonly string[];
  /** Columns equated to a column of another table. */
  readonly joins: readonly string[];
  /** `f(column) = value`: expression index material (`lower(email)`). */
  readonly expressions: readonly string[];
  /** LIKE/ILIKE with a leading or unknown wildcard: trigram material. */
  readonly patterns: readonly string[];
  /** jsonb/array operators GIN serves (@>, <@, ?, ?|, ?&, &&). */
  readonly containment: readonly string[];
  /** Every column the query reads of the table; '*' when it reads them all. */
  readonly referenced: readonly string[] | '*';
}

const RANGE_OPS: ReadonlySet<string> = new Set(['<', '>', '<=', '>=']);
const GIN_OPS: ReadonlySet<string> = new Set(['@>', '<@', '?', '?|', '?&', '&&']);

type Side =
  | { readonly kind: 'column'; readonly at: ResolvedColumn }
  | { readonly kind: 'expression'; readonly at: ResolvedColumn; readonly text: string }
  | { readonly kind: 'constant'; readonly literal: string }
  | { readonly kind: 'value' }
  | { readonly kind: 'other' };

function literalOf(value: A_Const): string | undefined {
  if (value.isnull) return undefined;
  if (value.sval) return sqlLiteral(value.sval.sval ?? '');
  if (value.ival) return String(value.ival.ival ?? 0);
  if (value.fval) return value.fval.fval;
  if (value.boolval) return value.boolval.boolval ? 'true' : 'false';
  return undefined;
}

function sideOf(scope: Scope, node: Node | undefined): Side {
  if (!node) return { kind: 'other' };
  const inner = 'TypeCast' in node ? node.TypeCast.arg : node;
  if (inner && 'A_Const' in inner) {
    const literal = literalOf(inner.A_Const);
    return literal === undefined ? { kind: 'other' } : { kind: 'constant', literal };
  }
  const at = resolveColumn(scope, inner);
  if (at) return { kind: 'column', at };
  if (inner && 'FuncCall' in inner) {
    const { funcname = [], args = [] } = inner.FuncCall;
    const name = funcname.at(-1);
    const arg = args.length === 1 ? resolveColumn(scope, args[0]) : undefined;
    if (arg && name && 'String' in name)
      return { kind: 'expression', at: arg, text: `${name.String.sval}(${arg.column})` };
  }
  // No column of this query's tables in it: a parameter, now(), an outer reference.
  const columns = collect(node, 'ColumnRef').filter((ref) => resolveColumn(scope, { ColumnRef: ref }));
  return columns.length === 0 ? { kind: 'value' } : { kind: 'other' };
}

function conjuncts(node: Node | undefined): Node[] {
  if (!node) return [];
  if ('BoolExpr' in node && node.BoolExpr.boolop === 'AND_EXPR')
    return (node.BoolExpr.args ?? []).flatMap(conjuncts);
  return [node];
}

interface Facts {
  equal: string[];
  constants: { column: string; predicate: string }[];
  ranges: string[];
  joins: string[];
  expressions: string[];
  patterns: string[];
  containment: string[];
}

type Sink = (table: Table) => Facts;

function opName(node: { name?: Node[] }): string {
  const last = node.name?.at(-1);
  return last && 'String' in last ? (last.String.sval ?? '') : '';
}

function leadingWildcard(side: Side): boolean {
  return side.kind !== 'constant' || /^'[%_]/.test(side.literal);
}

/** One conjunct of a WHERE or ON: which index material it is, for the table(s) it names. */
function classify(scope: Scope, node: Node, facts: Sink): void {
  if (!('A_Expr' in node)) return;
  const expr = node.A_Expr;
  const left = sideOf(scope, expr.lexpr);
  const right = sideOf(scope, expr.rexpr);
  const op = opName(expr);
  const pairs: [Side, Side][] = [
    [left, right],
    [right, left],
  ];
  for (const [own, other] of pairs) {
    if (own.kind === 'expression' && op === '=' && other.kind !== 'other' && other.kind !== 'column')
      facts(own.at.table).expressions.push(own.text);
    if (own.kind !== 'column') continue;
    const f = facts(own.at.table);
    const { column } = own.at;
    if (expr.kind === 'AEXPR_IN' && own === left) f.equal.push(column);
    if (expr.kind === 'AEXPR_BETWEEN' && own === left) f.ranges.push(column);
    if ((expr.kind === 'AEXPR_LIKE' || expr.kind === 'AEXPR_ILIKE') && own === left && leadingWildcard(right))
      f.patterns.push(column);
    if (expr.kind !== 'AEXPR_OP') continue;
    if (op === '=' && other.kind === 'column' && other.at.table !== own.at.table) f.joins.push(column);
    else if (op === '=' && other.kind === 'constant') {
      f.equal.push(column);
      f.constants.push({ column, predicate: `${column} = ${other.literal}` });
    } else if (op === '=' && other.kind === 'value') f.equal.push(column);
    else if (RANGE_OPS.has(op) && (other.kind === 'value' || other.kind === 'constant'))
      f.ranges.push(column);
    else if (GIN_OPS.has(op) && own === left) f.containment.push(column);
  }
}

function orderKeys(scope: Scope, sort: readonly Node[]): { table?: Table; keys: OrderKey[] } {
  const keys: OrderKey[] = [];
  let table: Table | undefined;
  for (const item of sort) {
    if (!('SortBy' in item)) return { keys: [] };
    const at = resolveColumn(scope, item.SortBy.node);
    if (!at || (table && at.table !== table)) return { keys: [] };
    table = at.table;
    const descending = item.SortBy.sortby_dir === 'SORTBY_DESC';
    const nulls = item.SortBy.sortby_nulls;
    const nullsFirst =
      nulls === 'SORTBY_NULLS_FIRST' ? true : nulls === 'SORTBY_NULLS_LAST' ? false : descending;
    keys.push({ column: at.column, descending, nullsFirst });
  }
  return { ...(table && { table }), keys };
}

function referencedColumns(scope: Scope, root: Node, table: Table): string[] | '*' {
  const columns = new Set<string>();
  for (const ref of collect(root, 'ColumnRef')) {
    const fields = ref.fields ?? [];
    if (fields.some((f) => 'A_Star' in f)) return '*';
    const at = resolveColumn(scope, { ColumnRef: ref });
    if (at?.table === table) columns.add(at.column);
  }
  return [...columns];
}

/** The index material of one SELECT, UPDATE or DELETE (not of the subqueries inside it). */
function usesOf(
  catalog: readonly Table[],
  root: Node,
  from: readonly Node[],
  where: Node | undefined,
  sort: readonly Node[],
  group: readonly Node[],
): TableUse[] {
  const { scope, joinQuals } = scopeOf(catalog, from);
  const byTable = new Map<Table, Facts>();
  const facts: Sink = (table) => {
    let found = byTable.get(table);
    if (!found) {
      found = {
        equal: [],
        constants: [],
        ranges: [],
        joins: [],
        expressions: [],
        patterns: [],
        containment: [],
      };
      byTable.set(table, found);
    }
    return found;
  };
  for (const node of [...conjuncts(where), ...joinQuals.flatMap(conjuncts)]) classify(scope, node, facts);
  const ordered = orderKeys(scope, sort);
  const grouped = group.map((g) => resolveColumn(scope, g));
  return scope.tables.map((table) => {
    const f = facts(table);
    return {
      table,
      ...f,
      order: ordered.table === table ? ordered.keys : [],
      group: grouped.every((g) => g?.table === table) ? grouped.flatMap((g) => (g ? [g.column] : [])) : [],
      referenced: referencedColumns(scope, root, table),
    };
  });
}

/** Every table use of a statement: the statement itself and each SELECT nested in it. */
export function tableUses(catalog: readonly Table[], statement: Node): TableUse[] {
  const uses: TableUse[] = [];
  if ('UpdateStmt' in statement || 'DeleteStmt' in statement) {
    const stmt = 'UpdateStmt' in statement ? statement.UpdateStmt : statement.DeleteStmt;
    const from = stmt.relation ? [{ RangeVar: stmt.relation }] : [];
    uses.push(...usesOf(catalog, statement, from, stmt.whereClause, [], []));
  }
  for (const select of collect(statement, 'SelectStmt')) {
    if (select.op && select.op !== 'SETOP_NONE') continue;
    const root: Node = { SelectStmt: select };
    uses.push(
      ...usesOf(
        catalog,
        root,
        select.fromClause ?? [],
        select.whereClause,
        select.sortClause ?? [],
        select.groupClause ?? [],
      ),
    );
  }
  return uses;
}

import type { A_Const, Node } from '@pgsql/types';
import { quoteIdentifier } from '../catalog/diff/names.js';
import { oidNumber } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { initSql, parseSql } from '../sql/parser.js';
import { collect } from '../sql/walk.js';

/** Allowed values per column of one table (quoted column name → literals), from its CHECKs. */
export type CategoryValues = ReadonlyMap<string, readonly string[]>;

function stringOf(node: Node | undefined): string | undefined {
  const inner = node && 'TypeCast' in node ? node.TypeCast.arg : node;
  const value: A_Const | undefined = inner && 'A_Const' in inner ? inner.A_Const : undefined;
  return value?.sval?.sval;
}

/** `col IN ('a', 'b')`, stored as `col = ANY (ARRAY['a'::text, 'b'::text])`: the column and its values. */
function listOf(definition: string): { column: string; values: string[] } | undefined {
  const parsed = parseSql(
    `SELECT 1 WHERE ${definition.replace(/^CHECK\s*/i, '').replace(/\s+NOT VALID$/i, '')}`,
  );
  if (!parsed.ok) return undefined;
  const [any] = collect(parsed.result, 'A_Expr').filter(
    (e) => e.kind === 'AEXPR_OP_ANY' || e.kind === 'AEXPR_IN',
  );
  const fields = any?.lexpr && 'ColumnRef' in any.lexpr ? any.lexpr.ColumnRef.fields : undefined;
  const column =
    fields?.length === 1 && fields[0] && 'String' in fields[0] ? fields[0].String.sval : undefined;
  const rexpr = any?.rexpr;
  const items =
    rexpr && 'A_ArrayExpr' in rexpr
      ? rexpr.A_ArrayExpr.elements
      : rexpr && 'List' in rexpr
        ? rexpr.List.items
        : rexpr && 'TypeCast' in rexpr && rexpr.TypeCast.arg && 'A_ArrayExpr' in rexpr.TypeCast.arg
          ? rexpr.TypeCast.arg.A_ArrayExpr.elements
          : undefined;
  const values = (items ?? []).map(stringOf);
  if (!column || values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return { column, values: values as string[] };
}

/**
 * The columns a CHECK limits to a list of strings (`status IN ('draft', 'published')`), per
 * table oid: the categories synthetic rows draw from, so `WHERE status = 'published'` finds rows.
 */
export async function readCategoryValues(
  engine: Engine,
  oids: readonly number[],
): Promise<Map<number, CategoryValues>> {
  await initSql();
  const { rows } = await engine.query<{ oid: number; definition: string }>(
    `SELECT ${oidNumber('conrelid')} AS oid, pg_catalog.pg_get_constraintdef(oid) AS definition
     FROM pg_catalog.pg_constraint WHERE contype = 'c' AND conrelid = ANY($1::oid[])`,
    [oids],
  );
  const byTable = new Map<number, Map<string, readonly string[]>>();
  for (const row of rows) {
    const list = listOf(row.definition);
    if (!list) continue;
    const columns = byTable.get(Number(row.oid)) ?? new Map<string, readonly string[]>();
    columns.set(quoteIdentifier(list.column), list.values);
    byTable.set(Number(row.oid), columns);
  }
  return byTable;
}

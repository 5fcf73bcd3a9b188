import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Column } from '../model.js';
import { catalogObjectName, commentJoin, oidNumber } from './sql-fragments.js';

interface ColumnRow {
  readonly table_oid: number;
  readonly name: string;
  readonly attnum: number;
  readonly type: string;
  readonly not_null: boolean;
  readonly default_expr: string | null;
  readonly generated_expr: string | null;
  readonly generated: string;
  readonly identity: string;
  readonly collation: string | null;
  readonly comment: string | null;
}

const columnsSql = `
SELECT ${oidNumber('a.attrelid')} AS table_oid,
  a.attname::text AS name,
  a.attnum::int AS attnum,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS not_null,
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS default_expr,
  CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expr,
  a.attgenerated::text AS generated,
  a.attidentity::text AS identity,
  CASE WHEN a.attcollation <> t.typcollation THEN ${catalogObjectName('co.collnamespace', 'co.collname')} END
    AS collation,
  d.description AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
${commentJoin('d', 'pg_class', 'a.attrelid', 'a.attnum')}
WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid = ANY($1::oid[])
ORDER BY a.attrelid, a.attnum`;

function toColumn(row: ColumnRow): Column {
  return withoutAbsent<Column>({
    name: row.name,
    attnum: row.attnum,
    type: row.type,
    notNull: row.not_null,
    default: row.default_expr,
    identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : undefined,
    generated:
      row.generated_expr === null
        ? undefined
        : { expression: row.generated_expr, kind: row.generated === 'v' ? 'virtual' : 'stored' },
    collation: row.collation,
    comment: row.comment,
  });
}

/** Columns of the given tables, grouped by table oid, in attnum order. */
export async function readColumns(
  engine: Engine,
  tableOids: readonly number[],
): Promise<ReadonlyMap<number, readonly Column[]>> {
  const { rows } = await engine.query<ColumnRow>(columnsSql, [tableOids.map(String)]);
  const byTable = new Map<number, Column[]>();
  for (const row of rows) {
    const list = byTable.get(row.table_oid) ?? [];
    list.push(toColumn(row));
    byTable.set(row.table_oid, list);
  }
  return byTable;
}

import { oidNumber, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';

/** What a synthetic row has to respect in one column; names come quoted from Postgres. */
export interface FillColumn {
  readonly name: string;
  /** format_type() of the column's own type (a domain stays a domain). */
  readonly type: string;
  /** The type under the domain, and its pg_type.typcategory, which decide the value. */
  readonly baseType: string;
  readonly category: string;
  readonly notNull: boolean;
  /** A default, identity or generated column: left to Postgres. */
  readonly filledByPostgres: boolean;
}

export interface FillForeignKey {
  readonly columns: readonly string[];
  readonly parent: string;
  readonly parentColumns: readonly string[];
}

export interface FillTable {
  readonly oid: number;
  readonly name: string;
  readonly relkind: string;
  readonly columns: readonly FillColumn[];
  readonly foreignKeys: readonly FillForeignKey[];
}

export interface FillShapes {
  readonly tables: readonly FillTable[];
  /** Names given that name no relation. */
  readonly missing: readonly string[];
}

const tablesSql = `
SELECT g.given, ${oidNumber('c.oid')} AS oid, ${qualifiedName('n.nspname', 'c.relname')} AS name, c.relkind::text AS relkind
FROM unnest($1::text[]) AS g(given)
LEFT JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(g.given)
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`;

const columnsSql = `
SELECT ${oidNumber('a.attrelid')} AS oid, pg_catalog.quote_ident(a.attname) AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  pg_catalog.format_type(b.oid, NULL) AS "baseType", b.typcategory::text AS category,
  a.attnotnull AS "notNull", (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS "filledByPostgres"
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

const foreignKeysSql = `
SELECT ${oidNumber('k.conrelid')} AS oid, ${qualifiedName('pn.nspname', 'p.relname')} AS parent,
  ARRAY(SELECT pg_catalog.quote_ident(a.attname) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
  ARRAY(SELECT pg_catalog.quote_ident(a.attname) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS "parentColumns"
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class p ON p.oid = k.confrelid
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
WHERE k.contype = 'f' AND k.conrelid = ANY($1::oid[])
ORDER BY k.conname`;

function groupByOid<T extends { readonly oid: number }>(rows: readonly T[]): Map<number, Omit<T, 'oid'>[]> {
  const groups = new Map<number, Omit<T, 'oid'>[]>();
  for (const { oid, ...rest } of rows) groups.set(oid, [...(groups.get(oid) ?? []), rest]);
  return groups;
}

/** Columns, types and foreign keys of the given tables, asked of Postgres. */
export async function readFillShapes(engine: Engine, names: readonly string[]): Promise<FillShapes> {
  const found = await engine.query<{ given: string; oid: number | null; name: string; relkind: string }>(
    tablesSql,
    [names],
  );
  const oids = found.rows.flatMap((r) => (r.oid === null ? [] : [r.oid]));
  const columns = groupByOid((await engine.query<FillColumn & { oid: number }>(columnsSql, [oids])).rows);
  const keys = groupByOid(
    (await engine.query<FillForeignKey & { oid: number }>(foreignKeysSql, [oids])).rows,
  );
  const tables = found.rows.flatMap((r) =>
    r.oid === null
      ? []
      : [
          {
            oid: r.oid,
            name: r.name,
            relkind: r.relkind,
            columns: columns.get(r.oid) ?? [],
            foreignKeys: keys.get(r.oid) ?? [],
          },
        ],
  );
  return { tables, missing: found.rows.filter((r) => r.oid === null).map((r) => r.given) };
}

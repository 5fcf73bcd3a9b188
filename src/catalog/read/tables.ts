import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Table } from '../model.js';
import { readColumns } from './columns.js';
import { optionalRelationName, relationName } from './relation-name.js';
import { commentJoin, isUserSchema, notFromExtension, oidNumber, qualifiedName } from './sql-fragments.js';

interface TableRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly qualified: string;
  readonly relkind: string;
  readonly parent_schema: string | null;
  readonly parent_name: string | null;
  readonly parent_qualified: string | null;
  readonly partition_bound: string | null;
  readonly partition_key: string | null;
  readonly estimated_rows: number;
  readonly rls_enabled: boolean;
  readonly rls_forced: boolean;
  readonly comment: string | null;
}

const tablesSql = `
SELECT ${oidNumber('c.oid')} AS oid,
  n.nspname::text AS schema, c.relname::text AS name, ${qualifiedName('n.nspname', 'c.relname')} AS qualified,
  c.relkind::text AS relkind,
  pn.nspname::text AS parent_schema, pc.relname::text AS parent_name,
  CASE WHEN pc.oid IS NOT NULL THEN ${qualifiedName('pn.nspname', 'pc.relname')} END AS parent_qualified,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
  c.reltuples::float8 AS estimated_rows,
  c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced,
  d.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
${commentJoin('d', 'pg_class', 'c.oid')}
WHERE c.relkind IN ('r', 'p') AND ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

/** Ordinary and partitioned tables (partitions included), with their columns. */
export async function readTables(engine: Engine): Promise<readonly Table[]> {
  const { rows } = await engine.query<TableRow>(tablesSql);
  const columns = await readColumns(
    engine,
    rows.map((row) => row.oid),
  );
  return rows.map((row) =>
    withoutAbsent<Table>({
      ...relationName({ ...row }),
      oid: row.oid,
      kind: row.relkind === 'p' ? 'partitioned' : 'table',
      partitionOf: optionalRelationName({ ...row }, 'parent_'),
      partitionBound: row.partition_bound,
      partitionKey: row.partition_key,
      estimatedRows: row.estimated_rows,
      columns: columns.get(row.oid) ?? [],
      rowSecurity: { enabled: row.rls_enabled, forced: row.rls_forced },
      comment: row.comment,
    }),
  );
}

import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Index, IndexKey } from '../model.js';
import { optionalRelationName, relationName } from './relation-name.js';
import {
  catalogObjectName,
  commentJoin,
  isUserSchema,
  notFromExtension,
  oidNumber,
  qualifiedName,
} from './sql-fragments.js';

interface KeyRow {
  readonly column: string | null;
  readonly expression: string | null;
  readonly opclass: string | null;
  readonly collation: string | null;
  readonly option: number;
}

interface IndexRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly qualified: string;
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_qualified: string;
  readonly method: string;
  readonly keys: readonly KeyRow[] | string;
  readonly include: readonly string[];
  readonly predicate: string | null;
  readonly is_unique: boolean;
  readonly nulls_not_distinct: boolean;
  readonly is_primary: boolean;
  readonly is_valid: boolean;
  readonly constraint_name: string | null;
  readonly parent_schema: string | null;
  readonly parent_name: string | null;
  readonly parent_qualified: string | null;
  readonly definition: string;
  readonly size_bytes: number;
  readonly comment: string | null;
}

// The opclass is left out when it is the one Postgres would pick for the key's type: the default
// opclass of the access method, unless a default opclass exists for exactly that type.
const keysSql = `
SELECT json_agg(json_build_object(
    'column', a.attname,
    'expression', CASE WHEN x.indkey[k.pos] = 0 THEN pg_catalog.pg_get_indexdef(x.indexrelid, k.pos + 1, true) END,
    'opclass', CASE WHEN NOT (opc.opcdefault AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_opclass exact
        WHERE exact.opcmethod = opc.opcmethod AND exact.opcdefault AND exact.oid <> opc.oid
          AND exact.opcintype = COALESCE(a.atttypid, ia.atttypid)))
      THEN ${catalogObjectName('opc.opcnamespace', 'opc.opcname')} END,
    'collation', CASE WHEN x.indcollation[k.pos] <> 0
        AND x.indcollation[k.pos] <> COALESCE(a.attcollation, kt.typcollation)
      THEN ${catalogObjectName('co.collnamespace', 'co.collname')} END,
    'option', x.indoption[k.pos]::int
  ) ORDER BY k.pos)
FROM generate_series(0, x.indnkeyatts - 1) AS k(pos)
JOIN pg_catalog.pg_opclass opc ON opc.oid = x.indclass[k.pos]
JOIN pg_catalog.pg_attribute ia ON ia.attrelid = x.indexrelid AND ia.attnum = k.pos + 1
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.pos] AND x.indkey[k.pos] <> 0
JOIN pg_catalog.pg_type kt ON kt.oid = COALESCE(a.atttypid, ia.atttypid)
LEFT JOIN pg_catalog.pg_collation co ON co.oid = x.indcollation[k.pos]`;

const includeSql = `
SELECT COALESCE(array_agg(a.attname::text ORDER BY k.pos), '{}')::text[]
FROM generate_series(x.indnkeyatts, x.indnatts - 1) AS k(pos)
JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.pos]`;

// pg_index.indnullsnotdistinct exists from PostgreSQL 15 on; before, NULLs were always distinct.
const NULLS_NOT_DISTINCT_SINCE = 150000;

const indexesSql = (serverVersion: number, sizeSql: string): string => `
SELECT ${oidNumber('ic.oid')} AS oid,
  n.nspname::text AS schema, ic.relname::text AS name, ${qualifiedName('n.nspname', 'ic.relname')} AS qualified,
  tn.nspname::text AS table_schema, tc.relname::text AS table_name,
  ${qualifiedName('tn.nspname', 'tc.relname')} AS table_qualified,
  am.amname::text AS method,
  (${keysSql}) AS keys,
  (${includeSql}) AS include,
  pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate,
  x.indisunique AS is_unique,
  ${serverVersion >= NULLS_NOT_DISTINCT_SINCE ? 'x.indnullsnotdistinct' : 'false'} AS nulls_not_distinct,
  x.indisprimary AS is_primary, x.indisvalid AS is_valid,
  con.conname::text AS constraint_name,
  pn.nspname::text AS parent_schema, pc.relname::text AS parent_name,
  CASE WHEN pc.oid IS NOT NULL THEN ${qualifiedName('pn.nspname', 'pc.relname')} END AS parent_qualified,
  pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,
  ${sizeSql} AS size_bytes,
  d.description AS comment
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_catalog.pg_class tc ON tc.oid = x.indrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
-- A join, not a subquery per index: pg_constraint has no index on conindid.
LEFT JOIN pg_catalog.pg_constraint con
  ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_catalog.pg_inherits i ON i.inhrelid = x.indexrelid
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
${commentJoin('d', 'pg_class', 'ic.oid')}
WHERE tc.relkind IN ('r', 'p', 'm') AND ${isUserSchema('tn.nspname')} AND ${notFromExtension('pg_class', 'tc.oid')}
ORDER BY n.nspname, ic.relname`;

// Bits of pg_index.indoption (INDOPTION_DESC, INDOPTION_NULLS_FIRST in pg_index.h).
const DESC = 1;
const NULLS_FIRST = 2;

function toKey(row: KeyRow): IndexKey {
  const order = { descending: (row.option & DESC) !== 0, nullsFirst: (row.option & NULLS_FIRST) !== 0 };
  const extras = withoutAbsent<{ opclass?: string; collation?: string }>({
    opclass: row.opclass,
    collation: row.collation,
  });
  return row.expression !== null
    ? { kind: 'expression', expression: row.expression, ...extras, ...order }
    : { kind: 'column', column: String(row.column), ...extras, ...order };
}

/**
 * On a server the real size on disk. In the embedded engine the indexes hold pgvigil's own few rows
 * and each pg_relation_size() is a file-system call through WASM (seconds on thousands of indexes),
 * so the planner's page count stands in.
 */
function indexSize(engine: Engine): string {
  return engine.kind === 'server'
    ? 'pg_catalog.pg_relation_size(x.indexrelid)::float8'
    : "(ic.relpages::float8 * current_setting('block_size')::float8)";
}

/** Indexes on tables, partitioned tables and materialized views, keys in order. */
export async function readIndexes(engine: Engine): Promise<readonly Index[]> {
  const { rows } = await engine.query<IndexRow>(indexesSql(engine.serverVersion, indexSize(engine)));
  return rows.map((row) => {
    const keys: readonly KeyRow[] = typeof row.keys === 'string' ? JSON.parse(row.keys) : row.keys;
    return withoutAbsent<Index>({
      ...relationName({ ...row }),
      oid: row.oid,
      table: relationName({ ...row }, 'table_'),
      method: row.method,
      keys: keys.map(toKey),
      include: row.include,
      predicate: row.predicate,
      unique: row.is_unique,
      nullsNotDistinct: row.nulls_not_distinct,
      primary: row.is_primary,
      valid: row.is_valid,
      constraint: row.constraint_name,
      parentIndex: optionalRelationName({ ...row }, 'parent_'),
      definition: row.definition,
      sizeBytes: row.size_bytes,
      comment: row.comment,
    });
  });
}

import { isUserSchema, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { MAX_RELATIONS } from './bounds.js';

/**
 * Bloat estimated the way ioguix's well-known queries do: the average row width from pg_stats gives the
 * pages the live rows need; what the relation has beyond that is (estimated) bloat. No pgstattuple, no
 * scan of the relation: only catalogs, so it is cheap and takes no lock, and it is an estimate (off by
 * tens of percent on wide, TOASTed or freshly analysed tables).
 */
export interface BloatEstimate {
  /** Table, or index for kind 'index'. */
  readonly relation: string;
  readonly kind: 'table' | 'index';
  /** The table the index is on (the relation itself for tables). */
  readonly table: string;
  readonly sizeBytes: number;
  readonly bloatBytes: number;
}

// 64-bit MAXALIGN and the fixed page, tuple and item sizes of the heap and btree formats.
const sizes = `8::numeric AS ma, current_setting('block_size')::numeric AS bs, 24 AS page_header, 4 AS item_id`;
const align = (width: string) => `(ceil((${width}) / w.ma) * w.ma)`;

// Only tables and indexes whose every column has statistics the role can read: a guess would be noise.
const tableWidthSql = `
SELECT c.oid, ${qualifiedName('n.nspname', 'c.relname')} AS relation, ${qualifiedName('n.nspname', 'c.relname')} AS table_name,
  c.reltuples::numeric AS tuples, c.relpages::numeric AS pages,
  COALESCE(substring(array_to_string(c.reloptions, ' ') FROM 'fillfactor=([0-9]+)')::numeric, 100) AS fillfactor,
  23 + CASE WHEN max(s.null_frac) > 0 THEN (7 + count(*)) / 8 ELSE 0 END AS header_width,
  sum((1 - s.null_frac) * s.avg_width) AS data_width
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname
  AND s.attname = a.attname AND NOT s.inherited
WHERE c.relkind IN ('r', 'm') AND c.relpages > 0 AND c.reltuples >= 0 AND ${isUserSchema('n.nspname')}
GROUP BY c.oid, n.nspname, c.relname, c.reltuples, c.relpages, c.reloptions
HAVING count(s.attname) = count(*)`;

const tableBloatSql = `
SELECT relation, table_name, pages * w.bs AS size_bytes,
  GREATEST(pages - ceil(tuples / GREATEST(floor((w.bs - w.page_header) * fillfactor / 100
    / (${align('header_width')} + ${align('data_width')} + w.item_id)), 1)), 0) * w.bs AS bloat_bytes
FROM (${tableWidthSql}) t, (SELECT ${sizes}) w`;

// Btree only (its page layout is the one the arithmetic knows), plain column keys only.
const indexWidthSql = `
SELECT ${qualifiedName('n.nspname', 'ic.relname')} AS relation, ${qualifiedName('n.nspname', 'tc.relname')} AS table_name,
  ic.reltuples::numeric AS tuples, ic.relpages::numeric AS pages,
  COALESCE(substring(array_to_string(ic.reloptions, ' ') FROM 'fillfactor=([0-9]+)')::numeric, 90) AS fillfactor,
  CASE WHEN max(s.null_frac) > 0 THEN 12 ELSE 8 END AS header_width,
  sum((1 - s.null_frac) * s.avg_width) AS data_width
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
JOIN pg_catalog.pg_class tc ON tc.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey::int2[])
LEFT JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = tc.relname
  AND s.attname = a.attname AND NOT s.inherited
WHERE ic.relpages > 1 AND ic.reltuples >= 0 AND ${isUserSchema('n.nspname')} AND NOT (0 = ANY (x.indkey::int2[]))
GROUP BY n.nspname, ic.relname, tc.relname, ic.reltuples, ic.relpages, ic.reloptions
HAVING count(s.attname) = count(*)`;

// Btree pages also carry 16 bytes of special space, and page 0 is the metapage.
const indexBloatSql = `
SELECT relation, table_name, pages * w.bs AS size_bytes,
  GREATEST(pages - 1 - ceil(tuples / GREATEST(floor((w.bs - w.page_header - 16) * fillfactor / 100
    / (header_width + ${align('data_width')} + w.item_id)), 1)), 0) * w.bs AS bloat_bytes
FROM (${indexWidthSql}) t, (SELECT ${sizes}) w`;

const bloatSql = `
SELECT relation, table_name, kind, size_bytes::float8 AS size_bytes, bloat_bytes::float8 AS bloat_bytes FROM (
  SELECT *, 'table' AS kind FROM (${tableBloatSql}) tb
  UNION ALL
  SELECT *, 'index' AS kind FROM (${indexBloatSql}) ib
) b
WHERE bloat_bytes > 0
ORDER BY bloat_bytes DESC
LIMIT ${MAX_RELATIONS}`;

interface BloatRow {
  readonly relation: string;
  readonly table_name: string;
  readonly kind: 'table' | 'index';
  readonly size_bytes: number;
  readonly bloat_bytes: number;
}

export async function readBloatEstimates(engine: Engine): Promise<readonly BloatEstimate[]> {
  const { rows } = await engine.query<BloatRow>(bloatSql);
  return rows.map((r) => ({
    relation: r.relation,
    kind: r.kind,
    table: r.table_name,
    sizeBytes: r.size_bytes,
    bloatBytes: r.bloat_bytes,
  }));
}

/** Tables whose column statistics the role cannot read (pg_stats hides them): their bloat is not estimated. */
export async function countTablesWithoutReadableStats(engine: Engine): Promise<number> {
  const { rows } = await engine.query<{ readonly n: number }>(`
SELECT count(*)::int AS n FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm') AND c.relpages > 0 AND ${isUserSchema('n.nspname')}
  AND NOT pg_catalog.has_table_privilege(c.oid, 'SELECT')`);
  return rows[0]?.n ?? 0;
}

import { isUserSchema } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { ATTRIBUTE_STAT_NAMES, type AttributeStat, exportExpression, fileValue } from './attribute-stats.js';
import {
  type ColumnStats,
  type SkippedTable,
  STATS_FORMAT,
  STATS_FORMAT_VERSION,
  type StatsFile,
  type TableStats,
} from './stats-file.js';

export interface ExportStatsOptions {
  /** Only these schemas (all user schemas when empty). */
  readonly schemas?: readonly string[];
  /** Only these tables, as name or schema.name (all when empty). */
  readonly tables?: readonly string[];
}

interface RelationRow {
  schema: string;
  name: string;
  kind: string;
  relpages: number;
  reltuples: number;
  relallvisible: number;
  relallfrozen?: number;
  readable: boolean;
  hidden_by_rls: boolean;
}

type StatsRow = Record<string, unknown> & {
  schemaname: string;
  tablename: string;
  attname: string;
  inherited: boolean;
};

/** Columns a catalog relation has on this server: pg_stats and pg_class grew over the versions. */
async function columnsOf(engine: Engine, relation: string): Promise<Set<string>> {
  const { rows } = await engine.query<{ attname: string }>(
    `SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = $1::regclass AND attnum > 0`,
    [relation],
  );
  return new Set(rows.map((r) => r.attname));
}

function relationsSql(withFrozen: boolean): string {
  return `
    SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relpages::int AS relpages,
      c.reltuples::float8 AS reltuples, c.relallvisible::int AS relallvisible,
      ${withFrozen ? 'c.relallfrozen::int AS relallfrozen,' : ''}
      pg_catalog.has_any_column_privilege(c.oid, 'SELECT') AS readable,
      (c.relrowsecurity AND pg_catalog.row_security_active(c.oid)) AS hidden_by_rls
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND ${isUserSchema('n.nspname')}
      AND (cardinality($1::text[]) = 0 OR n.nspname = ANY($1::text[]))
      AND (cardinality($2::text[]) = 0 OR c.relname = ANY($2::text[]) OR n.nspname || '.' || c.relname = ANY($2::text[]))
    ORDER BY 1, 2`;
}

function columnStats(row: StatsRow, stats: readonly AttributeStat[]): ColumnStats {
  const values: Record<string, unknown> = {};
  for (const stat of stats) {
    const value = fileValue(stat, row[stat]);
    if (value !== undefined) values[stat] = value;
  }
  return { name: row.attname, inherited: row.inherited, ...values };
}

function skipReason(relation: RelationRow): string | undefined {
  if (!relation.readable)
    return 'permission denied: pg_stats shows only tables the exporting role may SELECT; GRANT SELECT or export as the owner';
  if (relation.hidden_by_rls)
    return 'row level security is active for the exporting role, and pg_stats hides such tables; export as the owner or a BYPASSRLS role';
  return undefined;
}

/**
 * The planner statistics of the user's tables, read-only: pg_class sizes and each column's
 * pg_stats row. No table is read; what pg_stats holds (sampled values in most common values and
 * histograms) is all that leaves the server.
 */
export async function exportStats(engine: Engine, options: ExportStatsOptions = {}): Promise<StatsFile> {
  const { rows: about } = await engine.query<{ version: string; database: string }>(
    `SELECT pg_catalog.current_setting('server_version') AS version, pg_catalog.current_database() AS database`,
  );
  const statColumns = await columnsOf(engine, 'pg_catalog.pg_stats');
  const stats = ATTRIBUTE_STAT_NAMES.filter((stat) => statColumns.has(stat));
  const withFrozen = (await columnsOf(engine, 'pg_catalog.pg_class')).has('relallfrozen');
  const { rows: relations } = await engine.query<RelationRow>(relationsSql(withFrozen), [
    options.schemas ?? [],
    options.tables ?? [],
  ]);
  const { rows: statRows } = await engine.query<StatsRow>(`
    SELECT schemaname, tablename, attname, inherited, ${stats.map((s) => `${exportExpression(s)} AS ${s}`).join(', ')}
    FROM pg_catalog.pg_stats WHERE ${isUserSchema('schemaname')}
    ORDER BY schemaname, tablename, inherited, attname`);
  const byTable = new Map<string, ColumnStats[]>();
  for (const row of statRows) {
    const key = `${row.schemaname}.${row.tablename}`;
    byTable.set(key, [...(byTable.get(key) ?? []), columnStats(row, stats)]);
  }
  const tables: TableStats[] = [];
  const skipped: SkippedTable[] = [];
  for (const r of relations) {
    const reason = skipReason(r);
    if (reason !== undefined) {
      skipped.push({ schema: r.schema, name: r.name, reason });
      continue;
    }
    tables.push({
      schema: r.schema,
      name: r.name,
      kind: r.kind,
      relpages: r.relpages,
      reltuples: r.reltuples,
      relallvisible: r.relallvisible,
      ...(r.relallfrozen !== undefined && r.relallfrozen !== null && { relallfrozen: r.relallfrozen }),
      columns: byTable.get(`${r.schema}.${r.name}`) ?? [],
    });
  }
  return {
    format: STATS_FORMAT,
    version: STATS_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    server: {
      version: about[0]?.version ?? '',
      versionNum: engine.serverVersion,
      database: about[0]?.database ?? '',
    },
    tables,
    skipped,
  };
}

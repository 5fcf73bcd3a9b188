import { qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { type Distribution, mergeDistributions, parseDistribution } from './distribution.js';
import { ExplainError } from './explain-error.js';

/** What synthetic rows to make, as the user said it (--rows, --distribution), names unresolved. */
export interface SyntheticSpec {
  /** Rows in each empty table no other figure applies to. */
  readonly rowsPerTable: number;
  /** --rows posts=500000: rows per table, by the name given. */
  readonly tableRows?: ReadonlyMap<string, number>;
  /** --distribution posts.status=zipf: by "table.column" as given. */
  readonly distributions?: ReadonlyMap<string, Distribution>;
  /** rowsPerTable is pgvigil's default, not a count the user gave: lowered when the tables are too many for the row budget. */
  readonly rowsPerTableIsDefault?: boolean;
  /** Where the counts were given (`--rows`, `data.rows in pgvigil.config.json`), named when they are refused. */
  readonly rowsGivenBy?: string;
}

/** The spec with names resolved: qualified table names, quoted column names. */
export interface ResolvedSpec {
  readonly tableRows: ReadonlyMap<string, number>;
  readonly distributions: ReadonlyMap<string, ReadonlyMap<string, Distribution>>;
}

/** --rows values: a plain count for every table, or table=count; a string when one is neither. */
export function parseRows(
  items: readonly string[],
): { rows?: number; tableRows: Map<string, number> } | string {
  let rows: number | undefined;
  const tableRows = new Map<string, number>();
  for (const item of items) {
    const at = item.lastIndexOf('=');
    const count = Number(item.slice(at + 1));
    if (!/^\d+$/.test(item.slice(at + 1)) || !Number.isSafeInteger(count) || at === 0)
      return `--rows ${item}: give a count (--rows 5000) or a table and a count (--rows posts=500000)`;
    if (at < 0) rows = count;
    else tableRows.set(item.slice(0, at), count);
  }
  return { ...(rows !== undefined && { rows }), tableRows };
}

/** --distribution values (table.column=spec, repeatable; nulls:f adds to the column's other spec). */
export function parseDistributions(items: readonly string[]): Map<string, Distribution> | string {
  const byColumn = new Map<string, Distribution>();
  for (const item of items) {
    const at = item.indexOf('=');
    const target = item.slice(0, at);
    if (at < 0 || !target.includes('.'))
      return `--distribution ${item}: write it as <table>.<column>=<spec>, e.g. posts.status=zipf`;
    const parsed = parseDistribution(item.slice(at + 1));
    if (typeof parsed === 'string') return `--distribution ${target}: ${parsed}`;
    const known = byColumn.get(target);
    byColumn.set(target, known ? mergeDistributions(known, parsed) : parsed);
  }
  return byColumn;
}

async function tableOf(engine: Engine, given: string, flag: string): Promise<string> {
  const { rows } = await engine.query<{ name: string | null }>(
    `SELECT ${qualifiedName('n.nspname', 'c.relname')} AS name FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = pg_catalog.to_regclass($1)`,
    [given],
  );
  const name = rows[0]?.name;
  if (!name) throw new ExplainError(`${flag} ${given}: no such table in the schema loaded; check the name.`);
  return name;
}

async function columnOf(engine: Engine, table: string, column: string, given: string): Promise<string> {
  const { rows } = await engine.query<{ name: string }>(
    `SELECT pg_catalog.quote_ident(attname) AS name FROM pg_catalog.pg_attribute
     WHERE attrelid = $1::regclass AND attname = $2 AND attnum > 0 AND NOT attisdropped`,
    [table, column],
  );
  const name = rows[0]?.name;
  if (!name) throw new ExplainError(`--distribution ${given}: ${table} has no column ${column}.`);
  return name;
}

/** Resolves the names of a spec against the schema loaded; an unknown table or column is an ExplainError. */
export async function resolveSpec(engine: Engine, spec: SyntheticSpec): Promise<ResolvedSpec> {
  const tableRows = new Map<string, number>();
  for (const [given, rows] of spec.tableRows ?? [])
    tableRows.set(await tableOf(engine, given, '--rows'), rows);
  const distributions = new Map<string, Map<string, Distribution>>();
  for (const [given, distribution] of spec.distributions ?? []) {
    const dot = given.lastIndexOf('.');
    const table = await tableOf(engine, given.slice(0, dot), '--distribution');
    const column = await columnOf(engine, table, given.slice(dot + 1), given);
    const columns = distributions.get(table) ?? new Map<string, Distribution>();
    distributions.set(table, columns.set(column, distribution));
  }
  return { tableRows, distributions };
}

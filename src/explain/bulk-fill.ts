import { isUserSchema, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import { fillOrder } from '../observe/fill-order.js';
import { type FillColumn, type FillTable, readFillShapes } from '../observe/fill-shape.js';
import type { FillResult } from '../observe/synthetic-rows.js';
import { categoryValue, syntheticValue } from '../observe/synthetic-values.js';
import { type CategoryValues, readCategoryValues } from './category-values.js';
import { type Distribution, distributedValue } from './distribution.js';

/** Distributions by quoted column name, for one table. */
type Distributions = ReadonlyMap<string, Distribution>;

/** Tables of the user's schemas with no row: the ones a plan would say nothing about. */
export async function emptyTables(engine: Engine): Promise<string[]> {
  const { rows } = await engine.query<{ name: string }>(`
    SELECT ${qualifiedName('n.nspname', 'c.relname')} AS name
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${isUserSchema('n.nspname')}
    ORDER BY 1`);
  const empty: string[] = [];
  for (const { name } of rows) {
    const { rows: found } = await engine.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM ${name}) AS empty`,
    );
    if (found[0]?.empty) empty.push(name);
  }
  return empty;
}

/**
 * One INSERT ... SELECT over generate_series. Foreign key columns cycle through the parent's keys,
 * read once into arrays ordered alike, so the columns of a composite key stay a real parent row.
 */
function insertSql(
  table: FillTable,
  rows: number,
  columns: readonly FillColumn[],
  categories: CategoryValues,
  distributions: Distributions,
): string | undefined {
  const values = new Map<string, string>();
  const sources = table.foreignKeys.map((key, i) => {
    const alias = `fk${i}`;
    const order = key.parentColumns.map((c) => `p.${c}`).join(', ');
    const arrays = key.parentColumns.map((c, j) => `array_agg(p.${c} ORDER BY ${order}) AS c${j}`);
    key.columns.forEach((column, j) => {
      if (!values.has(column))
        values.set(column, `${alias}.c${j}[1 + (g - 1) % NULLIF(cardinality(${alias}.c${j}), 0)]`);
    });
    const present = key.parentColumns.map((c) => `p.${c} IS NOT NULL`).join(' AND ');
    return `CROSS JOIN (SELECT ${arrays.join(', ')} FROM ${key.parent} p WHERE ${present}) ${alias}`;
  });
  const targets: string[] = [];
  const exprs: string[] = [];
  for (const column of columns) {
    const allowed = categories.get(column.name);
    const distribution = distributions.get(column.name);
    const value =
      values.get(column.name) ??
      (distribution
        ? distributedValue(column, 'g', distribution, allowed)
        : allowed
          ? `(${categoryValue(allowed, 'g')})::${column.type}`
          : syntheticValue(column, 'g'));
    if (value === undefined) {
      if (column.notNull) return undefined;
      continue;
    }
    targets.push(column.name);
    exprs.push(value);
  }
  const from = `FROM generate_series(1, ${rows}) g ${sources.join(' ')}`;
  if (targets.length === 0) return `INSERT INTO ${table.name} SELECT ${from}`;
  return `INSERT INTO ${table.name} (${targets.join(', ')}) SELECT ${exprs.join(', ')} ${from}`;
}

/**
 * Every column pgvigil can fill, then only those that must be filled (NULLs pass CHECKs that
 * values may not). A column of categories is filled even with a default: all rows 'draft' is no
 * blog.
 */
function attempts(
  table: FillTable,
  categories: CategoryValues,
  distributions: Distributions,
): readonly (readonly FillColumn[])[] {
  const own = table.columns.filter(
    (c) => !c.filledByPostgres || categories.has(c.name) || distributions.has(c.name),
  );
  const keys = new Set(table.foreignKeys.flatMap((k) => k.columns));
  const required = own.filter((c) => c.notNull || keys.has(c.name));
  return required.length === own.length ? [own] : [own, required];
}

async function fillTable(
  engine: Engine,
  table: FillTable,
  rows: number,
  categories: CategoryValues,
  distributions: Distributions,
): Promise<string | undefined> {
  let reason =
    'no synthetic value for a NOT NULL column (zipf on a column without a list of values needs a count: zipf:<n>)';
  for (const columns of attempts(table, categories, distributions)) {
    const sql = insertSql(table, rows, columns, categories, distributions);
    if (sql === undefined) continue;
    try {
      await engine.transaction((tx) => tx.exec(sql));
      return undefined;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  return reason;
}

/**
 * Puts synthetic rows in every empty table (parents first, one statement per table): `rows` in
 * each, or as many as `rows(table)` says (a scratch copy sized like production), their values
 * spread as `distributions` says per table and column (--distribution); then VACUUM ANALYZE:
 * plans of empty tables say nothing, and production tables are vacuumed. `empty`: the empty
 * tables, when the caller has listed them already.
 */
export async function fillEmptyTables(
  engine: Engine,
  rows: number | ((table: string) => number),
  distributions: ReadonlyMap<string, Distributions> = new Map(),
  empty?: readonly string[],
): Promise<FillResult> {
  const names = empty ?? (await emptyTables(engine));
  const shapes = await readFillShapes(engine, names);
  const categories = await readCategoryValues(
    engine,
    shapes.tables.map((t) => t.oid),
  );
  const filled: { table: string; rows: number }[] = [];
  const skipped: { table: string; reason: string }[] = [];
  for (const table of fillOrder(shapes.tables)) {
    const count = typeof rows === 'number' ? rows : rows(table.name);
    if (count <= 0) continue;
    const reason = await fillTable(
      engine,
      table,
      count,
      categories.get(table.oid) ?? new Map(),
      distributions.get(table.name) ?? new Map(),
    );
    if (reason === undefined) filled.push({ table: table.name, rows: count });
    else skipped.push({ table: table.name, reason });
  }
  await engine.exec('VACUUM ANALYZE');
  return { filled, skipped };
}

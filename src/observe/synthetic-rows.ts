import type { Engine } from '../engine/engine.js';
import { fillOrder } from './fill-order.js';
import { type FillColumn, type FillForeignKey, type FillTable, readFillShapes } from './fill-shape.js';
import { syntheticValue } from './synthetic-values.js';

export const DEFAULT_ROWS_PER_TABLE = 3;

export interface FilledTable {
  readonly table: string;
  readonly rows: number;
}

export interface SkippedTable {
  readonly table: string;
  /** Why no row went in: Postgres's own error for the first failed row, or what pgvigil could not make. */
  readonly reason: string;
}

export interface FillResult {
  readonly filled: readonly FilledTable[];
  readonly skipped: readonly SkippedTable[];
}

const FILLABLE_KINDS = new Set(['r', 'p']);

/** One INSERT per row: foreign key columns take a parent row's key (NULL when the parent has none). */
function insertSql(table: FillTable, n: number, columns: readonly FillColumn[]): string | undefined {
  const keyed = new Map<string, string>();
  const joins = table.foreignKeys.map((key: FillForeignKey, i: number) => {
    const alias = `fk${i}`;
    for (const [j, column] of key.columns.entries())
      if (!keyed.has(column)) keyed.set(column, `${alias}.c${j}`);
    const picked = key.parentColumns.map((c, j) => `p.${c} AS c${j}`).join(', ');
    const present = key.parentColumns.map((c) => `p.${c} IS NOT NULL`).join(' AND ');
    return `LEFT JOIN (SELECT ${picked} FROM ${key.parent} p WHERE ${present}
      OFFSET (${n - 1} % GREATEST((SELECT count(*) FROM ${key.parent}), 1)) LIMIT 1) ${alias} ON true`;
  });
  const targets: string[] = [];
  const values: string[] = [];
  for (const column of columns) {
    const value = keyed.get(column.name) ?? syntheticValue(column, String(n));
    if (value === undefined) {
      if (column.notNull) return undefined;
      continue;
    }
    targets.push(column.name);
    values.push(value);
  }
  if (targets.length === 0) return `INSERT INTO ${table.name} DEFAULT VALUES`;
  return `INSERT INTO ${table.name} (${targets.join(', ')}) SELECT ${values.join(', ')} FROM (SELECT 1) one ${joins.join(' ')}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every column we can fill first; then only what must be filled, as NULLs may pass CHECKs that values do not. */
function attempts(table: FillTable): readonly (readonly FillColumn[])[] {
  const own = table.columns.filter((c) => !c.filledByPostgres);
  const keyColumns = new Set(table.foreignKeys.flatMap((k) => k.columns));
  const required = own.filter((c) => c.notNull || keyColumns.has(c.name));
  return required.length === own.length ? [own] : [own, required];
}

/** The common case in one round trip: every row with every column we can fill; false when any is refused. */
async function fillAtOnce(engine: Engine, table: FillTable, rows: number): Promise<boolean> {
  const columns = attempts(table)[0] ?? [];
  const inserts = Array.from({ length: rows }, (_, i) => insertSql(table, i + 1, columns));
  if (inserts.some((sql) => sql === undefined)) return false;
  try {
    await engine.transaction((tx) => tx.exec(inserts.join(';\n')));
    return true;
  } catch {
    return false;
  }
}

async function fillTable(
  engine: Engine,
  table: FillTable,
  rows: number,
): Promise<FilledTable | SkippedTable> {
  if (!FILLABLE_KINDS.has(table.relkind)) return { table: table.name, reason: 'not a table' };
  if (await fillAtOnce(engine, table, rows)) return { table: table.name, rows };
  let inserted = 0;
  let firstError: string | undefined;
  for (let n = 1; n <= rows; n++) {
    for (const columns of attempts(table)) {
      const sql = insertSql(table, n, columns);
      if (sql === undefined) {
        const missing = columns.find((c) => c.notNull && syntheticValue(c, String(n)) === undefined);
        firstError ??= `no synthetic value for NOT NULL column ${missing?.name} of type ${missing?.type}`;
        continue;
      }
      try {
        // A savepoint (or a transaction of its own) per row: one refused row must not undo the others.
        await engine.transaction((tx) => tx.exec(sql));
        inserted++;
        break;
      } catch (error) {
        firstError ??= errorMessage(error);
      }
    }
  }
  return inserted > 0
    ? { table: table.name, rows: inserted }
    : { table: table.name, reason: firstError ?? 'no row' };
}

/**
 * Puts a few synthetic rows in each table, parents first, respecting types, NOT NULL, defaults and foreign keys
 * (and CHECKs where the values happen to pass them), so that scans and rewrites of later statements touch rows.
 */
export async function fillTables(
  engine: Engine,
  tables: readonly string[],
  rowsPerTable = DEFAULT_ROWS_PER_TABLE,
): Promise<FillResult> {
  const shapes = await readFillShapes(engine, tables);
  const filled: FilledTable[] = [];
  const skipped: SkippedTable[] = shapes.missing.map((table) => ({ table, reason: 'no such table' }));
  for (const table of fillOrder(shapes.tables)) {
    const result = await fillTable(engine, table, rowsPerTable);
    if ('rows' in result) filled.push(result);
    else skipped.push(result);
  }
  return { filled, skipped };
}

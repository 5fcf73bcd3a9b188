import type { Table } from '../catalog/model.js';
import type { Engine } from '../engine/engine.js';
import { ident } from './propose/sql-names.js';

/** What a table holds, in a form that survives a rewrite: its row count and one hash per column. */
export interface TableFingerprint {
  readonly rows: number;
  /** Column name → md5 of its sorted values (row order is not kept by a rewrite, so not compared). */
  readonly columns: ReadonlyMap<string, string>;
}

/** A marker no value's text can collide with, for NULL. */
const NULL_TEXT = String.raw`E'\\N\x01'`;

function columnHash(column: string): string {
  const value = `coalesce(${ident(column)}::text, ${NULL_TEXT})`;
  return `md5(coalesce(string_agg(${value}, E'\\x1f' ORDER BY ${value}), ''))`;
}

function tableQuery(table: Table, index: number): string {
  const hashes = table.columns.map((column) => columnHash(column.name));
  const list = hashes.length === 0 ? `''` : `concat_ws(',', ${hashes.join(', ')})`;
  return `SELECT ${index} AS i, count(*)::int AS n, ${list} AS h FROM ONLY ${table.qualified}`;
}

/** One round trip for every table: counts and column hashes, keyed by the table's qualified name. */
export async function fingerprintTables(
  engine: Engine,
  tables: readonly Table[],
): Promise<ReadonlyMap<string, TableFingerprint>> {
  const plain = tables.filter((table) => table.kind === 'table');
  if (plain.length === 0) return new Map();
  const { rows } = await engine.query<{ i: number; n: number; h: string }>(
    plain.map(tableQuery).join('\nUNION ALL\n'),
  );
  return new Map(
    rows.map((row) => {
      const table = plain[Number(row.i)] as Table;
      const hashes = row.h === '' ? [] : row.h.split(',');
      const columns = new Map(table.columns.map((column, i) => [column.name, hashes[i] ?? '']));
      return [table.qualified, { rows: Number(row.n), columns }];
    }),
  );
}

import type { CatalogSnapshot, Index, Table } from '../../catalog/model.js';
import { indexesOn } from './fk-coverage.js';

/**
 * A unique index PRIMARY KEY USING INDEX would accept: valid, btree, no predicate, plain columns in
 * default order and opclass, every column NOT NULL. One that already backs a constraint is refused
 * by USING INDEX, so it is a candidate only for its columns (a fresh index is built for the key).
 */
function qualifies(table: Table, index: Index): boolean {
  if (!index.unique || !index.valid || index.method !== 'btree' || index.predicate !== undefined)
    return false;
  return index.keys.every(
    (key) =>
      key.kind === 'column' &&
      !key.descending &&
      !key.nullsFirst &&
      key.opclass === undefined &&
      key.collation === undefined &&
      table.columns.some((column) => column.name === key.column && column.notNull),
  );
}

/** The best candidate: fewest columns, then one free of any constraint (it can become the key as is). */
export function primaryKeyCandidate(catalog: CatalogSnapshot, table: Table): Index | undefined {
  return indexesOn(catalog, table)
    .filter((index) => qualifies(table, index))
    .sort(
      (a, b) =>
        a.keys.length - b.keys.length ||
        Number(a.constraint !== undefined) - Number(b.constraint !== undefined) ||
        a.name.localeCompare(b.name),
    )[0];
}

export function keyColumns(index: Index): readonly string[] {
  return index.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : []));
}

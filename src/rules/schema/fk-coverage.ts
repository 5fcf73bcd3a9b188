import type { CatalogSnapshot, Constraint, Index, RelationName, Table } from '../../catalog/model.js';
import { isNotNullConjunction } from '../../sql/expression.js';
import { lookup } from './catalog-lookup.js';

/**
 * Which indexes let PostgreSQL find the rows that reference a parent row quickly.
 * The referential check runs `SELECT 1 FROM ONLY child WHERE fk_col = $1 [AND ...]`, so an index
 * covers a foreign key when its leading key columns are exactly the FK columns (in any order),
 * it is valid, its method supports equality, and any predicate holds whenever the FK columns are
 * NOT NULL (the only rows the check ever looks for).
 */
export const EQUALITY_METHODS: ReadonlySet<string> = new Set(['btree', 'hash']);

export function indexCoversColumns(index: Index, columns: readonly string[]): boolean {
  if (!index.valid || !EQUALITY_METHODS.has(index.method)) return false;
  const leading = index.keys.slice(0, columns.length);
  if (leading.length < columns.length) return false;
  const leadingColumns = new Set(leading.map((key) => (key.kind === 'column' ? key.column : undefined)));
  if (!columns.every((column) => leadingColumns.has(column))) return false;
  return index.predicate === undefined || isNotNullConjunction(index.predicate, columns);
}

export function indexesOn(catalog: CatalogSnapshot, table: RelationName): readonly Index[] {
  return lookup(catalog).indexesOn(table);
}

export function partitionsOf(catalog: CatalogSnapshot, table: RelationName): readonly Table[] {
  return lookup(catalog).partitionsOf(table);
}

export function findTable(catalog: CatalogSnapshot, table: RelationName): Table | undefined {
  return lookup(catalog).table(table);
}

/**
 * A table is covered when it has a covering index itself or, when partitioned, when every
 * partition is covered (recursively: sub-partitions). A partitioned table with no partitions
 * is covered only by its own index.
 */
export function isCovered(catalog: CatalogSnapshot, table: Table, columns: readonly string[]): boolean {
  if (indexesOn(catalog, table).some((index) => indexCoversColumns(index, columns))) return true;
  if (table.kind !== 'partitioned') return false;
  const partitions = partitionsOf(catalog, table);
  return partitions.length > 0 && partitions.every((p) => isCovered(catalog, p, columns));
}

/** Foreign keys judged on their own: constraints cloned onto partitions are judged through their parent. */
export function ownForeignKeys(catalog: CatalogSnapshot): readonly Constraint[] {
  return catalog.constraints.filter((c) => c.kind === 'foreign key' && !c.inherited);
}

import type { CatalogSnapshot, Column, Constraint, Sequence, Table } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';

/** A table column judged by the column rules. */
export interface TableColumn {
  readonly table: Table;
  readonly column: Column;
}

/**
 * Columns of ordinary and partitioned tables. A partition's columns mirror its parent's, so they
 * are judged once, through the parent; views have columns too, but nothing is stored in them.
 */
export function ownTableColumns(catalog: CatalogSnapshot): readonly TableColumn[] {
  return catalog.tables
    .filter((table) => table.partitionOf === undefined)
    .flatMap((table) => table.columns.map((column) => ({ table, column })));
}

/** `timestamp(3) without time zone[]` → base `timestamp(3) without time zone`, array true. */
export function typeParts(type: string): { readonly base: string; readonly array: boolean } {
  const base = type.replace(/(\[\])+$/, '');
  return { base, array: base !== type };
}

/** Where a column's values come from when PostgreSQL generates them. */
export interface ColumnFeed {
  /** identity: GENERATED … AS IDENTITY; serial: nextval of a sequence OWNED BY this column; nextval: of any other sequence. */
  readonly kind: 'identity' | 'serial' | 'nextval';
  readonly sequence: Sequence | undefined;
}

const NEXTVAL = /^nextval\('((?:[^']|'')+)'::regclass\)$/;

const ownedBy = (sequence: Sequence, table: Table, column: string): boolean =>
  sequence.ownedBy?.table.schema === table.schema &&
  sequence.ownedBy.table.name === table.name &&
  sequence.ownedBy.column === column;

/** The sequence a `nextval('…'::regclass)` default names: regclass prints the name qualified only when needed. */
function namedSequence(catalog: CatalogSnapshot, literal: string): Sequence | undefined {
  const name = literal.replaceAll("''", "'");
  return catalog.sequences.find(
    (s) => name === quoteIdent(s.name) || name === `${quoteIdent(s.schema)}.${quoteIdent(s.name)}`,
  );
}

export function columnFeed(catalog: CatalogSnapshot, table: Table, column: Column): ColumnFeed | undefined {
  if (column.identity !== undefined) {
    return { kind: 'identity', sequence: catalog.sequences.find((s) => ownedBy(s, table, column.name)) };
  }
  const literal = column.default === undefined ? undefined : NEXTVAL.exec(column.default)?.[1];
  if (literal === undefined) return undefined;
  const sequence = namedSequence(catalog, literal);
  const owned = sequence !== undefined && ownedBy(sequence, table, column.name);
  return { kind: owned ? 'serial' : 'nextval', sequence };
}

export function primaryKeyOf(catalog: CatalogSnapshot, table: Table): Constraint | undefined {
  return catalog.constraints.find(
    (c) => c.kind === 'primary key' && c.table.schema === table.schema && c.table.name === table.name,
  );
}

/** Foreign keys (their own, not partition clones) that reference these columns of the table. */
export function referencingForeignKeys(
  catalog: CatalogSnapshot,
  table: Table,
  column: string,
): readonly Constraint[] {
  return catalog.constraints.filter(
    (c) =>
      c.kind === 'foreign key' &&
      !c.inherited &&
      c.references?.table.schema === table.schema &&
      c.references.table.name === table.name &&
      c.references.columns.includes(column),
  );
}

/** `public.t` + `c` → `public.t.c`, quoted as needed: for messages. */
export function columnName(table: Table, column: string): string {
  return `${table.qualified}.${quoteIdent(column)}`;
}

/** Table columns whose type (the element type, for arrays) passes the test. */
export function columnsWhoseType(
  catalog: CatalogSnapshot,
  test: (base: string) => boolean,
): readonly (TableColumn & { readonly array: boolean })[] {
  return ownTableColumns(catalog).flatMap((entry) => {
    const { base, array } = typeParts(entry.column.type);
    return test(base) ? [{ ...entry, array }] : [];
  });
}

import type { CatalogSnapshot, Index, RelationName, Table } from '../../catalog/model.js';

/**
 * Maps over one snapshot that rules look things up in, built once per snapshot: a schema of
 * thousands of tables must not cost a scan of every index for every foreign key.
 */
export interface CatalogLookup {
  table(relation: RelationName): Table | undefined;
  indexesOn(relation: RelationName): readonly Index[];
  partitionsOf(relation: RelationName): readonly Table[];
  /** Names of every relation (table, index, sequence, view) in a schema: taken for new names. */
  relationNames(schema: string): ReadonlySet<string>;
}

const key = (relation: RelationName): string => `${relation.schema}\u0000${relation.name}`;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function build(catalog: CatalogSnapshot): CatalogLookup {
  const tables = new Map(catalog.tables.map((table) => [key(table), table]));
  const indexes = groupBy(catalog.indexes, (index) => key(index.table));
  const partitions = groupBy(catalog.tables, (table) =>
    table.partitionOf ? key(table.partitionOf) : undefined,
  );
  const relations = [...catalog.tables, ...catalog.indexes, ...catalog.sequences, ...catalog.views];
  const names = new Map(
    [...groupBy(relations, (relation) => relation.schema)].map(([schema, list]) => [
      schema,
      new Set(list.map((relation) => relation.name)),
    ]),
  );
  return {
    table: (relation) => tables.get(key(relation)),
    indexesOn: (relation) => indexes.get(key(relation)) ?? [],
    partitionsOf: (relation) => partitions.get(key(relation)) ?? [],
    relationNames: (schema) => names.get(schema) ?? new Set(),
  };
}

const built = new WeakMap<CatalogSnapshot, CatalogLookup>();

export function lookup(catalog: CatalogSnapshot): CatalogLookup {
  let found = built.get(catalog);
  if (!found) {
    found = build(catalog);
    built.set(catalog, found);
  }
  return found;
}

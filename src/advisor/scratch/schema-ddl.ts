import { quoteIdentifier, sqlLiteral } from '../../catalog/diff/names.js';
import type { CatalogSnapshot, Column, Table } from '../../catalog/model.js';

/** Extensions a scratch copy needs no copy of: built in, or pgvigil's own concern. */
const SKIPPED_EXTENSIONS: ReadonlySet<string> = new Set(['plpgsql', 'hypopg', 'pg_stat_statements']);

/**
 * The catalog names a collation bare in pg_catalog ("C", "en_US.utf8") and schema-qualified
 * elsewhere: a dot after one of the catalog's schemas is a qualifier.
 */
function collationName(collation: string, schemas: readonly string[]): string {
  const schema = schemas.find((s) => collation.startsWith(`${quoteIdentifier(s)}.`));
  if (!schema) return quoteIdentifier(collation);
  return `${quoteIdentifier(schema)}.${quoteIdentifier(collation.slice(quoteIdentifier(schema).length + 1))}`;
}

function columnDdl(column: Column, schemas: readonly string[]): string {
  const generated =
    column.generated?.kind === 'stored' ? ` GENERATED ALWAYS AS (${column.generated.expression}) STORED` : '';
  const collation = column.collation ? ` COLLATE ${collationName(column.collation, schemas)}` : '';
  return `${quoteIdentifier(column.name)} ${column.type}${collation}${column.notNull ? ' NOT NULL' : ''}${generated}`;
}

function tableDdl(table: Table, schemas: readonly string[]): string {
  const partitioned = table.partitionKey ? ` PARTITION BY ${table.partitionKey}` : '';
  if (table.partitionOf)
    return `CREATE TABLE ${table.qualified} PARTITION OF ${table.partitionOf.qualified} ${table.partitionBound ?? 'DEFAULT'}${partitioned}`;
  return `CREATE TABLE ${table.qualified} (${table.columns.map((c) => columnDdl(c, schemas)).join(', ')})${partitioned}`;
}

/** Parents before their partitions, at any depth. */
function parentsFirst(tables: readonly Table[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  let rest = [...tables];
  while (rest.length > 0) {
    const ready = rest.filter((t) => !t.partitionOf || placed.has(t.partitionOf.qualified));
    if (ready.length === 0) break;
    for (const t of ready) placed.add(t.qualified);
    ordered.push(...ready);
    rest = rest.filter((t) => !placed.has(t.qualified));
  }
  return ordered;
}

/**
 * The statements that rebuild the user's tables, as the planner sees them, in an empty
 * database: schemas, extensions, enum types, tables (with partitions), keys and checks, then
 * indexes, foreign keys last. No defaults, views, functions, triggers or policies: plans do not
 * read them (an expression index on a user function fails, and is reported).
 */
export function schemaStatements(catalog: CatalogSnapshot): string[] {
  const own = catalog.constraints.filter((c) => !c.inherited);
  const addConstraint = (c: (typeof own)[number]) =>
    `ALTER TABLE ${c.table.qualified} ADD CONSTRAINT ${quoteIdentifier(c.name)} ${c.definition}`;
  return [
    ...catalog.schemas
      .filter((s) => s !== 'public')
      .map((s) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(s)}`),
    ...catalog.extensions
      .filter((e) => !SKIPPED_EXTENSIONS.has(e.name))
      .map(
        (e) =>
          `CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(e.name)} SCHEMA ${quoteIdentifier(e.schema)}`,
      ),
    ...catalog.enums.map(
      (e) =>
        `CREATE TYPE ${quoteIdentifier(e.schema)}.${quoteIdentifier(e.name)} AS ENUM (${e.labels.map(sqlLiteral).join(', ')})`,
    ),
    ...parentsFirst(catalog.tables).map((t) => tableDdl(t, catalog.schemas)),
    ...own.filter((c) => c.kind !== 'foreign key').map(addConstraint),
    // pg_get_indexdef says ON ONLY for a partitioned table's index: without ONLY it builds the partitions' too.
    ...catalog.indexes
      .filter((i) => !i.constraint && !i.parentIndex)
      .map((i) => i.definition.replace(/ ON ONLY /, ' ON ')),
    ...own.filter((c) => c.kind === 'foreign key').map(addConstraint),
  ];
}

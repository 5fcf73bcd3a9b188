import type { CatalogSnapshot, Index, Table } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import { freeRelationName, serialToIdentityLines } from './identity-sql.js';
import { suggestIndexName } from './index-name.js';
import { keyColumns } from './primary-key-candidate.js';

const BATCH_ROWS = 10_000;
const columnList = (columns: readonly string[]): string => columns.map(quoteIdent).join(', ');

/** The key from a unique NOT NULL index: no index build, no scan, a brief ACCESS EXCLUSIVE lock. */
export function keyFromIndexSql(catalog: CatalogSnapshot, table: Table, index: Index): string {
  const pkName = quoteIdent(freeRelationName(catalog, table.schema, `${table.name}_pkey`));
  const columns = keyColumns(index);
  if (table.kind === 'partitioned') {
    return [
      '-- PRIMARY KEY USING INDEX is refused on a partitioned table: this builds the key on every partition',
      '-- while holding ACCESS EXCLUSIVE on them; plan a window.',
      `ALTER TABLE ${table.qualified} ADD CONSTRAINT ${pkName} PRIMARY KEY (${columnList(columns)});`,
    ].join('\n');
  }
  const lines: string[] = [];
  let use = index.name;
  if (index.constraint !== undefined) {
    // USING INDEX refuses an index that already backs a constraint: build a twin without blocking writes.
    use = suggestIndexName(catalog, table.schema, table.name, columns);
    lines.push(
      `CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(use)} ON ${table.qualified} (${columnList(columns)});`,
    );
  }
  lines.push(
    `SET lock_timeout = '5s';`,
    `ALTER TABLE ${table.qualified} ADD CONSTRAINT ${pkName} PRIMARY KEY USING INDEX ${quoteIdent(use)};`,
  );
  if (index.constraint !== undefined) {
    lines.push(`-- ${quoteIdent(index.constraint)} is now redundant: drop it when nothing references it.`);
  }
  return lines.join('\n');
}

function freeColumnName(table: Table): string {
  const taken = new Set(table.columns.map((column) => column.name));
  return (
    ['id', `${table.name}_id`, `${table.name}_row_id`].find((name) => !taken.has(name)) ?? 'pgvigil_row_id'
  );
}

/**
 * A bigint identity key added without a rewrite. `ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY`
 * fills every existing row, so it rewrites the table under ACCESS EXCLUSIVE; here each step is either
 * catalog-only, batched, CONCURRENTLY, or a validation that lets writes go on.
 */
export function newKeySql(catalog: CatalogSnapshot, table: Table): string {
  const t = table.qualified;
  const name = freeColumnName(table);
  const col = quoteIdent(name);
  if (table.kind === 'partitioned') {
    return [
      `-- A primary key on partitioned ${t} must include its partition key (${table.partitionKey ?? 'see PARTITION BY'}).`,
      '-- Choose those columns plus a unique one, then (builds an index on every partition under lock):',
      `-- ALTER TABLE ${t} ADD PRIMARY KEY (<partition key columns>, ${col});`,
    ].join('\n');
  }
  const sequence = freeRelationName(catalog, table.schema, `${table.name}_${name}_seq`);
  const seq = `${quoteIdent(table.schema)}.${quoteIdent(sequence)}`;
  const index = quoteIdent(suggestIndexName(catalog, table.schema, table.name, [name]));
  const check = quoteIdent(`${table.name}_${name}_not_null`);
  const pkName = quoteIdent(freeRelationName(catalog, table.schema, `${table.name}_pkey`));
  return [
    `-- On a small or idle table one statement does it, but it rewrites ${t} under ACCESS EXCLUSIVE:`,
    `--   ALTER TABLE ${t} ADD COLUMN ${col} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;`,
    '-- Without a rewrite:',
    `ALTER TABLE ${t} ADD COLUMN ${col} bigint;`,
    `CREATE SEQUENCE ${seq} AS bigint OWNED BY ${t}.${col};`,
    `ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT nextval(${`'${seq.replaceAll("'", "''")}'`});`,
    `-- Backfill in batches of ${BATCH_ROWS} rows; repeat until it updates 0 rows.`,
    `UPDATE ${t} SET ${col} = DEFAULT WHERE ctid IN (SELECT ctid FROM ${t} WHERE ${col} IS NULL LIMIT ${BATCH_ROWS});`,
    `CREATE UNIQUE INDEX CONCURRENTLY ${index} ON ${t} (${col});`,
    `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`,
    `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};`,
    'BEGIN;',
    "SET LOCAL lock_timeout = '5s';",
    `ALTER TABLE ${t} ALTER COLUMN ${col} SET NOT NULL; -- the validated CHECK spares the scan (PostgreSQL 12+)`,
    `ALTER TABLE ${t} DROP CONSTRAINT ${check};`,
    `ALTER TABLE ${t} ADD CONSTRAINT ${pkName} PRIMARY KEY USING INDEX ${index};`,
    ...serialToIdentityLines(catalog, table, name, { schema: table.schema, name: sequence }),
    'COMMIT;',
  ].join('\n');
}

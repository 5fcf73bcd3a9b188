import type { CatalogSnapshot, Column, Constraint, Table } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import { type ColumnFeed, columnFeed, primaryKeyOf, referencingForeignKeys } from './column-facts.js';
import { indexesOn } from './fk-coverage.js';
import { continueSequence } from './identity-sql.js';
import { suggestIndexName } from './index-name.js';

/** A column type change that PostgreSQL can only do by rewriting the table. */
export interface TypeChangeRequest {
  readonly table: Table;
  readonly column: Column;
  readonly newType: string;
  /** The new value computed from an expression holding the old one; a plain cast when left out. */
  readonly convert?: (value: string) => string;
}

interface TypeChange extends Required<TypeChangeRequest> {
  /** Where the values come from, when PostgreSQL generates them (moved to the new column). */
  readonly feed?: ColumnFeed;
}

const castTo =
  (newType: string) =>
  (value: string): string =>
    `(${value})::${newType}`;

function resolve(catalog: CatalogSnapshot, request: TypeChangeRequest): TypeChange {
  const feed = columnFeed(catalog, request.table, request.column);
  return {
    ...request,
    convert: request.convert ?? castTo(request.newType),
    ...(feed ? { feed } : {}),
  };
}

const BATCH_ROWS = 10_000;

/** The in-place statement: one rewrite of the table (and its indexes) under ACCESS EXCLUSIVE. */
export function inPlaceSql(change: TypeChangeRequest): string {
  const { table, column } = change;
  const col = quoteIdent(column.name);
  const using = (change.convert ?? castTo(change.newType))(col);
  const plainCast = using === col || using === `(${col})::${change.newType}`;
  const usingClause = plainCast ? '' : ` USING ${using}`;
  return `ALTER TABLE ${table.qualified} ALTER COLUMN ${col} TYPE ${change.newType}${usingClause};`;
}

/**
 * The swap recipe: a new column kept in step by a trigger, backfilled in batches, then swapped in
 * one short transaction. Nothing in it rewrites the table; the only ACCESS EXCLUSIVE lock is the
 * final swap, which does no scan (the NOT NULL is proven beforehand by a validated CHECK).
 */
export function columnSwapSql(catalog: CatalogSnapshot, request: TypeChangeRequest): string {
  const change = resolve(catalog, request);
  const { table, column } = change;
  if (table.kind === 'partitioned') {
    return [
      `-- ${table.qualified} is partitioned: PRIMARY KEY USING INDEX and CREATE INDEX CONCURRENTLY are refused on it,`,
      '-- so the statement below rewrites every partition under ACCESS EXCLUSIVE: plan a maintenance window.',
      "SET lock_timeout = '5s';",
      inPlaceSql(change),
    ].join('\n');
  }
  const t = table.qualified;
  const col = quoteIdent(column.name);
  const fresh = `${column.name}_new`;
  const neu = quoteIdent(fresh);
  const schema = quoteIdent(table.schema);
  const sync = `${schema}.${quoteIdent(`${table.name}_${fresh}_sync`)}`;
  const check = quoteIdent(`${table.name}_${fresh}_not_null`);
  const pk = primaryKeyOf(catalog, table);
  const inKey = pk?.columns.includes(column.name) === true ? pk : undefined;
  const notNull = column.notNull || inKey !== undefined;
  const fks = inKey ? referencingForeignKeys(catalog, table, column.name) : [];
  const keyColumns = inKey?.columns.map((c) => (c === column.name ? fresh : c)) ?? [];
  const keyIndex = inKey && suggestIndexName(catalog, table.schema, table.name, keyColumns);
  const otherIndexes = indexesOn(catalog, table).filter(
    (index) =>
      (inKey === undefined || index.constraint !== inKey.name) &&
      index.keys.some((key) => key.kind === 'column' && key.column === column.name),
  );
  const generated = change.feed?.kind === 'identity' || change.feed?.kind === 'serial';
  const lines = [
    `-- In place, ${inPlaceSql(change)} rewrites ${t} and its indexes under ACCESS EXCLUSIVE.`,
    '-- Without blocking traffic instead:',
    '-- 1. A new column: nullable and without default, so adding it only touches the catalog.',
    `ALTER TABLE ${t} ADD COLUMN ${neu} ${change.newType};`,
    '-- 2. Keep it in step with every write from now on.',
    `CREATE FUNCTION ${sync}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.${neu} := ${change.convert(`NEW.${col}`)}; RETURN NEW; END $$;`,
    `CREATE TRIGGER ${quoteIdent(`${table.name}_${fresh}_sync`)} BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${sync}();`,
    `-- 3. Backfill in batches of ${BATCH_ROWS} rows; repeat until it updates 0 rows.`,
    `UPDATE ${t} SET ${neu} = ${change.convert(col)} WHERE ctid IN (SELECT ctid FROM ${t} WHERE ${neu} IS NULL AND ${col} IS NOT NULL LIMIT ${BATCH_ROWS});`,
  ];
  if (notNull) {
    lines.push(
      '-- 4. Prove NOT NULL without holding a lock for the scan.',
      `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${neu} IS NOT NULL) NOT VALID;`,
      `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};`,
    );
  }
  if (inKey && keyIndex) {
    lines.push(
      `CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(keyIndex)} ON ${t} (${keyColumns.map(quoteIdent).join(', ')});`,
    );
  }
  for (const index of otherIndexes) {
    lines.push(
      `-- Rebuild ${index.qualified} on ${neu} with CREATE INDEX CONCURRENTLY: dropping ${col} drops it.`,
    );
  }
  lines.push(
    '-- 5. The swap: one short transaction, no scan, no rewrite. Views that use the column must be',
    '--    dropped and re-created inside it.',
    'BEGIN;',
    "SET LOCAL lock_timeout = '5s';",
  );
  if (notNull) {
    lines.push(
      `ALTER TABLE ${t} ALTER COLUMN ${neu} SET NOT NULL; -- the validated CHECK spares the scan (PostgreSQL 12+)`,
      `ALTER TABLE ${t} DROP CONSTRAINT ${check};`,
    );
  }
  lines.push(...feedLines(change, t, fresh, generated));
  for (const fk of fks)
    lines.push(`ALTER TABLE ${fk.table.qualified} DROP CONSTRAINT ${quoteIdent(fk.name)};`);
  if (inKey && keyIndex) {
    lines.push(
      `ALTER TABLE ${t} DROP CONSTRAINT ${quoteIdent(inKey.name)};`,
      `ALTER TABLE ${t} ADD CONSTRAINT ${quoteIdent(inKey.name)} PRIMARY KEY USING INDEX ${quoteIdent(keyIndex)};`,
    );
  }
  lines.push(
    `DROP TRIGGER ${quoteIdent(`${table.name}_${fresh}_sync`)} ON ${t};`,
    `DROP FUNCTION ${sync}();`,
    `ALTER TABLE ${t} DROP COLUMN ${col};`,
    `ALTER TABLE ${t} RENAME COLUMN ${neu} TO ${col};`,
    ...fks.map((fk) => readdForeignKey(fk)),
    'COMMIT;',
    ...fks.map((fk) => `ALTER TABLE ${fk.table.qualified} VALIDATE CONSTRAINT ${quoteIdent(fk.name)};`),
  );
  return lines.join('\n');
}

/** Generated values move to the new column: an identity that continues the old sequence, or the same default. */
function feedLines(change: TypeChange, t: string, fresh: string, generated: boolean): string[] {
  const { column, feed } = change;
  const neu = quoteIdent(fresh);
  if (generated && feed?.sequence) {
    const kind = column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT';
    return [
      `ALTER TABLE ${t} ALTER COLUMN ${neu} ADD GENERATED ${kind} AS IDENTITY;`,
      `${continueSequence(t, fresh, feed.sequence.qualified)}`,
    ];
  }
  if (column.default === undefined) return [];
  const retype = feed?.kind === 'nextval' && feed.sequence && feed.sequence.dataType !== 'bigint';
  return [
    ...(retype && feed.sequence ? [`ALTER SEQUENCE ${feed.sequence.qualified} AS bigint;`] : []),
    `ALTER TABLE ${t} ALTER COLUMN ${neu} SET DEFAULT ${column.default};`,
  ];
}

function readdForeignKey(fk: Constraint): string {
  return `ALTER TABLE ${fk.table.qualified} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition} NOT VALID;`;
}

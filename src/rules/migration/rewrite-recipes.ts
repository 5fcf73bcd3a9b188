import { quoteIdent } from '../../sql/quote.js';
import { notNullWithoutScan, recipe } from './recipe-steps.js';

const BATCH_ROWS = 10_000;
const LOCK_TIMEOUT = "SET lock_timeout = '5s';";

/** A column added to an existing table, to be filled without rewriting it. */
export interface ColumnFill {
  /** Schema-qualified table, as the observation names it. */
  readonly table: string;
  /** Bare table name, for names derived from it. */
  readonly tableName: string;
  readonly column: string;
  readonly type: string;
  /** The value existing rows get, as an expression over the row's columns. */
  readonly value: string;
  /** Statements after the column exists that make new rows get their value. */
  readonly forNewRows: readonly string[];
  readonly notNull: boolean;
  /** Last steps, once every row has its value. */
  readonly finally?: readonly string[];
}

function backfill(table: string, column: string, value: string): string {
  const col = quoteIdent(column);
  return `UPDATE ${table} SET ${col} = ${value} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${col} IS NULL LIMIT ${BATCH_ROWS});`;
}

/** Add nullable without default (catalog only), feed new rows, backfill old ones in batches, then NOT NULL. */
export function addColumnByBackfill(fill: ColumnFill): string {
  const col = quoteIdent(fill.column);
  return [
    '-- 1. Add the column nullable and without default: only the catalog changes.',
    LOCK_TIMEOUT,
    `ALTER TABLE ${fill.table} ADD COLUMN ${col} ${fill.type};`,
    '-- 2. New rows get their value from now on.',
    ...fill.forNewRows,
    `-- 3. Backfill existing rows in batches of ${BATCH_ROWS}, each in its own transaction, outside the`,
    '--    schema migration; repeat until it updates 0 rows.',
    backfill(fill.table, fill.column, fill.value),
    ...(fill.notNull
      ? [
          '-- 4. NOT NULL without a long lock.',
          recipe(notNullWithoutScan(fill.table, fill.tableName, fill.column)),
        ]
      : []),
    ...(fill.finally ?? []),
  ].join('\n');
}

/** A trigger that computes the column for every write, from an expression over the row's columns. */
export function computeOnWrite(
  table: string,
  tableName: string,
  column: string,
  expression: string,
): string[] {
  const name = quoteIdent(`${tableName}_${column}_sync`);
  // The expression names columns bare: evaluate it over the NEW row, so it needs no rewriting.
  return [
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.${quoteIdent(column)} := (SELECT ${expression} FROM (SELECT NEW.*) AS s); RETURN NEW; END $$;`,
    `CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();`,
  ];
}

/** The type change as a new column kept in step by a trigger, backfilled, and swapped in one short transaction. */
export function typeSwapRecipe(
  table: string,
  tableName: string,
  column: string,
  type: string,
  using: string,
): string {
  const fresh = `${column}_new`;
  const sync = quoteIdent(`${tableName}_${fresh}_sync`);
  return [
    `-- 1. A new column of type ${type}, kept in step with every write by a trigger.`,
    LOCK_TIMEOUT,
    `ALTER TABLE ${table} ADD COLUMN ${quoteIdent(fresh)} ${type};`,
    ...computeOnWrite(table, tableName, fresh, using),
    `-- 2. Backfill in batches of ${BATCH_ROWS}, outside the schema migration; repeat until it updates 0 rows.`,
    backfill(table, fresh, using).replace(
      'IS NULL LIMIT',
      `IS NULL AND ${quoteIdent(column)} IS NOT NULL LIMIT`,
    ),
    `-- 3. Rebuild indexes and constraints on ${quoteIdent(fresh)} without long locks (CREATE INDEX CONCURRENTLY,`,
    '--    NOT VALID then VALIDATE, NOT NULL through a validated CHECK), then swap in one short transaction:',
    'BEGIN;',
    "SET LOCAL lock_timeout = '5s';",
    `DROP TRIGGER ${sync} ON ${table};`,
    `DROP FUNCTION ${sync}();`,
    `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(column)};`,
    `ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(fresh)} TO ${quoteIdent(column)};`,
    'COMMIT;',
  ].join('\n');
}

/** VACUUM FULL, CLUSTER and SET TABLESPACE: the same copy, done online by an extension. */
export function repackRecipe(table: string, what: string, repackOption: string): string {
  return [
    `-- ${what} copies ${table} under ACCESS EXCLUSIVE. Online instead, with an extension that copies the`,
    '-- table while it takes writes and swaps it in under a brief lock:',
    `--   pg_repack --table=${table}${repackOption} <database>`,
    "--   or pg_squeeze: SELECT squeeze.squeeze_table('<schema>', '<table>');",
    '-- Otherwise run it in a maintenance window, outside the schema migration.',
  ].join('\n');
}

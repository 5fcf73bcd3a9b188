import { quoteIdent } from '../../sql/quote.js';

/**
 * Separates the steps of a suggested recipe that must commit apart: what comes after it belongs
 * in a later migration, so it runs in a transaction of its own.
 */
export const NEXT_MIGRATION = '-- then, in a later migration:';

/** Recipe steps, one migration each, as suggestedSql. */
export function recipe(migrations: readonly (readonly string[])[]): string {
  return migrations
    .filter((steps) => steps.length > 0)
    .map((steps) => steps.join('\n'))
    .join(`\n${NEXT_MIGRATION}\n`);
}

/**
 * SET NOT NULL without its full-table scan under ACCESS EXCLUSIVE: PostgreSQL 12+ skips the scan
 * when a validated CHECK (col IS NOT NULL) proves it, and VALIDATE scans under SHARE UPDATE
 * EXCLUSIVE, which lets reads and writes go on. Two migrations: the instant NOT VALID add, then
 * the rest.
 */
export function notNullWithoutScan(
  table: string,
  relname: string,
  column: string,
): readonly [readonly string[], readonly string[]] {
  const check = quoteIdent(`${relname}_${column}_not_null_check`);
  const col = quoteIdent(column);
  return [
    [`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`],
    [
      `ALTER TABLE ${table} VALIDATE CONSTRAINT ${check};`,
      `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL;`,
      `ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
    ],
  ];
}

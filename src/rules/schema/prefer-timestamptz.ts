import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import { columnName, columnsWhoseType, type TableColumn } from './column-facts.js';
import { inPlaceSql } from './column-swap.js';

const TIMESTAMP = /^timestamp(\(\d\))? without time zone$/;

/**
 * PostgreSQL 12+ skips the rewrite of timestamp → timestamptz when the session TimeZone is UTC and
 * the change is a plain cast (measured by relfilenode on 15 and 18: a USING clause, a kept precision
 * `(p)`, or an array rewrites; indexes on the column are rebuilt in every case).
 */
function fix(entry: TableColumn & { readonly array: boolean }): string {
  const { table, column } = entry;
  if (entry.array) {
    return [
      `-- Rewrites ${table.qualified} under ACCESS EXCLUSIVE (arrays are converted element by element).`,
      "SET lock_timeout = '5s';",
      `ALTER TABLE ${table.qualified} ALTER COLUMN ${quoteIdent(column.name)} TYPE timestamptz[] USING ${quoteIdent(column.name)}::timestamptz[];`,
    ].join('\n');
  }
  return [
    '-- Reads the stored values as UTC. With TimeZone UTC and no USING clause the table is not rewritten;',
    '-- indexes on the column are rebuilt while the lock is held.',
    'BEGIN;',
    "SET LOCAL lock_timeout = '5s';",
    "SET LOCAL TimeZone = 'UTC';",
    inPlaceSql({ table, column, newType: 'timestamptz', convert: (value) => value }),
    'COMMIT;',
  ].join('\n');
}

export const preferTimestamptz: SchemaRule = {
  meta: {
    id: 'prefer-timestamptz',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary: 'A timestamp without time zone column.',
  },
  check(ctx) {
    return columnsWhoseType(ctx.catalog, (base) => TIMESTAMP.test(base)).map(
      (entry): Finding => ({
        message: `${columnName(entry.table, entry.column.name)} is ${entry.column.type}: it stores a wall-clock reading, not a moment in time.`,
        why: `Values written from sessions in different time zones cannot be told apart, now() is silently converted with the session's TimeZone, and comparisons across a daylight-saving change are off by an hour. timestamptz stores an absolute instant in the same 8 bytes and displays it in each session's zone.`,
        help: `Change the column to timestamptz. If the stored values are UTC, do it with TimeZone set to UTC and no USING clause: PostgreSQL 12+ then changes only the catalog (indexes on the column are rebuilt). If they are local times of another zone, USING col AT TIME ZONE '<zone>' is needed and rewrites the table. A column that holds calendar dates (a birth date) wants date instead; one that holds wall-clock times on purpose can keep its type with an ignore comment.`,
        suggestedSql: fix(entry),
        ...ctx.locate({ kind: 'column', table: entry.table, column: entry.column.name }),
        data: { table: entry.table.qualified, column: entry.column.name, type: entry.column.type },
      }),
    );
  },
};

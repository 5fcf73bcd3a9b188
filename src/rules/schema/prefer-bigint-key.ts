import type { CatalogSnapshot, Column, Table } from '../../catalog/model.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import {
  type ColumnFeed,
  columnFeed,
  columnName,
  ownTableColumns,
  primaryKeyOf,
  referencingForeignKeys,
} from './column-facts.js';
import { columnSwapSql } from './column-swap.js';
import { headroom, SMALL_INTEGER_MAX } from './key-headroom.js';

/**
 * A surrogate key: the only column of the primary key, or any column fed by a sequence. Columns of a
 * composite key without a sequence are foreign keys: they move with the key they reference.
 */
function isGeneratedKey(
  catalog: CatalogSnapshot,
  table: Table,
  column: Column,
  feed: ColumnFeed | undefined,
) {
  const pk = primaryKeyOf(catalog, table);
  return feed !== undefined || (pk?.columns.length === 1 && pk.columns[0] === column.name);
}

function describeFeed(feed: ColumnFeed | undefined, percentLeft: number): string {
  if (!feed?.sequence) return 'values come from the application, not a sequence';
  const sequence = feed.sequence.qualified;
  const left = `${percentLeft}% of the range left`;
  return feed.kind === 'identity'
    ? `identity sequence ${sequence}, ${left}`
    : `sequence ${sequence}, ${left}`;
}

export const preferBigintKey: SchemaRule = {
  meta: {
    id: 'prefer-bigint-key',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary: 'A smallint or integer primary key, identity or serial column: its values can run out.',
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const { table, column } of ownTableColumns(ctx.catalog)) {
      const typeMax = SMALL_INTEGER_MAX[column.type];
      if (typeMax === undefined) continue;
      const feed = columnFeed(ctx.catalog, table, column);
      if (!isGeneratedKey(ctx.catalog, table, column, feed)) continue;
      const room = headroom(typeMax, feed?.sequence);
      const fks = referencingForeignKeys(ctx.catalog, table, column.name);
      const name = columnName(table, column.name);
      const followers =
        fks.length === 0
          ? ''
          : ` The foreign keys that reference it (${fks.map((fk) => `${fk.table.qualified}.${fk.name}`).join(', ')}) must move to bigint with it.`;
      const retype =
        feed?.sequence && feed.sequence.dataType !== 'bigint'
          ? ` ALTER SEQUENCE ${feed.sequence.qualified} AS bigint alone is cheap, but the column still stops at ${typeMax}.`
          : '';
      findings.push({
        message: `${name} is ${column.type}: key values stop at ${room.limit.toLocaleString('en-US')} (${describeFeed(feed, room.percentLeft)}).`,
        why: `When the ${column.type} range is used up every INSERT fails with "integer out of range" or "nextval: reached maximum value", and the way out then is a table rewrite under ACCESS EXCLUSIVE, in an emergency. Deleted rows and failed inserts consume values too.`,
        help: `Move ${name} to bigint before it is urgent. ALTER COLUMN … TYPE bigint rewrites ${table.qualified} and every index on it under ACCESS EXCLUSIVE; the SQL below adds a bigint column, keeps it in step, backfills it in batches and swaps it in one short transaction.${retype}${followers}`,
        suggestedSql: columnSwapSql(ctx.catalog, {
          table,
          column,
          newType: 'bigint',
          convert: (value) => value,
        }),
        ...ctx.locate({ kind: 'column', table, column: column.name }),
        data: {
          table: table.qualified,
          column: column.name,
          type: column.type,
          sequence: feed?.sequence?.qualified,
          lastValue: feed?.sequence?.lastValue ?? null,
          limit: room.limit.toString(),
          percentLeft: feed?.sequence ? room.percentLeft : undefined,
          referencedBy: fks.map((fk) => fk.name),
        },
      });
    }
    return findings;
  },
};

import type { Finding, SchemaRule } from '../schema-rule.js';
import { columnName, columnsWhoseType } from './column-facts.js';
import { columnSwapSql } from './column-swap.js';

export const preferJsonb: SchemaRule = {
  meta: {
    id: 'prefer-jsonb',
    group: 'schema',
    category: 'performance',
    defaultSeverity: 'info',
    summary: 'A json column where jsonb would serve.',
  },
  check(ctx) {
    return columnsWhoseType(ctx.catalog, (base) => base === 'json').map(
      ({ table, column, array }): Finding => {
        const newType = array ? 'jsonb[]' : 'jsonb';
        return {
          message: `${columnName(table, column.name)} is ${column.type}: stored as text and parsed again on every access.`,
          why: 'json keeps the input text: every ->, ->> or function call reparses the whole document, it has no equality operator (no DISTINCT, GROUP BY or UNIQUE), and no GIN index can serve containment (@>) or key-existence queries on it.',
          help: `Change it to ${newType}. The conversion rewrites the table (json → jsonb is an I/O cast), so on a busy table use the new-column recipe below. jsonb drops insignificant whitespace, duplicate keys (the last wins) and key order: check nothing relies on them.`,
          suggestedSql: columnSwapSql(ctx.catalog, {
            table,
            column,
            newType,
          }),
          ...ctx.locate({ kind: 'column', table, column: column.name }),
          data: { table: table.qualified, column: column.name, type: column.type },
        };
      },
    );
  },
};

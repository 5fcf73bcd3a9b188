import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import { columnName, columnsWhoseType } from './column-facts.js';
import { freeRelationName } from './identity-sql.js';

const VARCHAR = /^character varying\((\d+)\)$/;

export const preferText: SchemaRule = {
  meta: {
    id: 'prefer-text',
    group: 'schema',
    category: 'style',
    defaultSeverity: 'info',
    summary: 'A varchar(n) column where text with a CHECK constraint would be easier to change.',
    // Many teams want the length limit in the type on purpose.
    enabledByDefault: false,
  },
  check(ctx) {
    return columnsWhoseType(ctx.catalog, (base) => VARCHAR.test(base))
      .filter(({ array }) => !array)
      .map(({ table, column }): Finding => {
        const length = Number(VARCHAR.exec(column.type)?.[1]);
        const col = quoteIdent(column.name);
        const check = quoteIdent(
          freeRelationName(ctx.catalog, table.schema, `${table.name}_${column.name}_length`),
        );
        return {
          message: `${columnName(table, column.name)} is ${column.type}: its length limit lives in the type.`,
          why: `Lowering the limit later means a type change that scans the table under ACCESS EXCLUSIVE, and the limit counts characters the application may not. Raising it, or dropping it for text, is free (varchar → text is binary coercible: no rewrite, no index rebuild). A CHECK constraint says the same thing and can be changed with NOT VALID and VALIDATE, which let writes go on.`,
          help: `Change the type to text (catalog only, a brief ACCESS EXCLUSIVE lock) and keep the limit as CHECK (char_length(${column.name}) <= ${length}) added NOT VALID, then validated.`,
          suggestedSql: [
            'BEGIN;',
            "SET LOCAL lock_timeout = '5s';",
            `ALTER TABLE ${table.qualified} ALTER COLUMN ${col} TYPE text;`,
            `ALTER TABLE ${table.qualified} ADD CONSTRAINT ${check} CHECK (char_length(${col}) <= ${length}) NOT VALID;`,
            'COMMIT;',
            `ALTER TABLE ${table.qualified} VALIDATE CONSTRAINT ${check};`,
          ].join('\n'),
          ...ctx.locate({ kind: 'column', table, column: column.name }),
          data: { table: table.qualified, column: column.name, type: column.type, length },
        };
      });
  },
};

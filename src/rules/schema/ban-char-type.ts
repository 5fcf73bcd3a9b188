import type { Finding, SchemaRule } from '../schema-rule.js';
import { columnName, columnsWhoseType, typeParts } from './column-facts.js';
import { columnSwapSql } from './column-swap.js';

/**
 * character(n) is bpchar with a length; bpchar without one (unlimited) and the one-byte "char" are
 * other types. character(1) is left alone: padding can only turn '' into ' ', and one-character
 * flags and single-row lock columns use it on purpose.
 */
const CHARACTER = /^character\((\d+)\)$/;
const MIN_LENGTH = 2;

export const banCharType: SchemaRule = {
  meta: {
    id: 'ban-char-type',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary: 'A character(n) column: blank-padded, with comparison rules that surprise.',
  },
  check(ctx) {
    return columnsWhoseType(ctx.catalog, (base) => Number(CHARACTER.exec(base)?.[1] ?? 0) >= MIN_LENGTH).map(
      ({ table, column, array }): Finding => {
        const length = Number(CHARACTER.exec(typeParts(column.type).base)?.[1]);
        const newType = array ? 'text[]' : 'text';
        return {
          message: `${columnName(table, column.name)} is ${column.type}: values are padded with spaces to ${length} characters.`,
          why: `character(n) pads every value with spaces, stores the padding, and ignores trailing spaces when comparing to another character(n) but not after a cast to text: 'a' = 'a '::char(2) holds, LIKE and concatenation see the padding or lose it depending on the cast. It is never faster than text.`,
          help: `Change it to text (add CHECK (char_length(col) <= ${length}) if the limit matters, or use varchar(${length})). character → text is a function cast (it trims the padding), so the change rewrites the table: on a busy table use the new-column recipe below.`,
          suggestedSql: columnSwapSql(ctx.catalog, {
            table,
            column,
            newType,
          }),
          ...ctx.locate({ kind: 'column', table, column: column.name }),
          data: { table: table.qualified, column: column.name, type: column.type, length },
        };
      },
    );
  },
};

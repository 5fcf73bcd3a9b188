import type { CatalogSnapshot, Constraint, Index, Table } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule, SchemaRuleContext } from '../schema-rule.js';
import { findTable } from './fk-coverage.js';
import { notNullColumns } from './not-null-columns.js';

/** UNIQUE ... NULLS NOT DISTINCT exists from PostgreSQL 15 on. */
const NULLS_NOT_DISTINCT_SINCE = 150000;

/** Key columns that may hold NULL in the rows the index covers. */
function nullableKeyColumns(index: Index, table: Table): readonly string[] {
  const provenNotNull = notNullColumns(index.predicate);
  return index.keys.flatMap((key) => {
    if (key.kind !== 'column' || provenNotNull.has(key.column)) return [];
    const column = table.columns.find((c) => c.name === key.column);
    return column && !column.notNull ? [key.column] : [];
  });
}

/**
 * SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated CHECK (col IS NOT NULL)
 * already proves it (PostgreSQL 12+); the CHECK is added NOT VALID and validated without blocking.
 */
function notNullRecipe(table: Table, columns: readonly string[]): string {
  return columns
    .flatMap((column) => {
      const check = quoteIdent(`${table.name}_${column}_not_null_check`);
      const col = quoteIdent(column);
      return [
        `ALTER TABLE ${table.qualified} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;`,
        `ALTER TABLE ${table.qualified} VALIDATE CONSTRAINT ${check};`,
        `ALTER TABLE ${table.qualified} ALTER COLUMN ${col} SET NOT NULL;`,
        `ALTER TABLE ${table.qualified} DROP CONSTRAINT ${check};`,
      ];
    })
    .join('\n');
}

function backingConstraint(catalog: CatalogSnapshot, index: Index): Constraint | undefined {
  return catalog.constraints.find(
    (c) =>
      c.kind === 'unique' &&
      c.name === index.constraint &&
      c.table.schema === index.table.schema &&
      c.table.name === index.table.name,
  );
}

function describe(ctx: SchemaRuleContext, index: Index, table: Table, nullable: readonly string[]): Finding {
  const constraint = backingConstraint(ctx.catalog, index);
  const what = constraint ? `UNIQUE constraint ${constraint.name}` : `unique index ${index.qualified}`;
  const keys = index.keys.map((k) => (k.kind === 'column' ? k.column : `(${k.expression})`)).join(', ');
  const cols = nullable.join(', ');
  const alternative =
    ctx.catalog.serverVersion >= NULLS_NOT_DISTINCT_SINCE
      ? `, or rebuild it with NULLS NOT DISTINCT if NULL is a value that may appear only once`
      : `; NULLS NOT DISTINCT needs PostgreSQL 15, so on this version use a partial unique index or an expression such as COALESCE for "only one NULL"`;
  return {
    message: `The ${what} on ${table.qualified} (${keys}) lets any number of rows through when ${cols} ${nullable.length > 1 ? 'are' : 'is'} NULL: PostgreSQL treats NULLs as distinct.`,
    why: `Two rows with NULL in ${cols} never conflict, so duplicates the constraint seems to forbid (two ${keys} pairs that differ only by a NULL) are accepted silently, and ON CONFLICT on these columns never fires for them.`,
    help: `Make ${cols} NOT NULL if every row has a value (the SQL below does it without a long lock)${alternative}. If "unique when present" is what you mean, say so with a partial unique index WHERE ${nullable.map((c) => `${c} IS NOT NULL`).join(' AND ')}.`,
    ...ctx.locate(constraint ? { kind: 'constraint', constraint } : { kind: 'index', index }),
  };
}

export const banNullableUnique: SchemaRule = {
  meta: {
    id: 'ban-nullable-unique',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'info',
    summary:
      'A UNIQUE constraint or unique index covers a nullable column, so any number of rows with NULL there pass.',
  },
  check(ctx) {
    return ctx.catalog.indexes.flatMap((index) => {
      // A partition's index is judged through the partitioned index it is attached to.
      if (!index.unique || index.primary || index.nullsNotDistinct || !index.valid || index.parentIndex) {
        return [];
      }
      const table = findTable(ctx.catalog, index.table);
      const nullable = table ? nullableKeyColumns(index, table) : [];
      if (!table || nullable.length === 0) return [];
      return [
        {
          ...describe(ctx, index, table, nullable),
          suggestedSql: notNullRecipe(table, nullable),
          data: {
            table: table.qualified,
            index: index.qualified,
            constraint: index.constraint,
            nullableColumns: nullable,
            nullsNotDistinctAvailable: ctx.catalog.serverVersion >= NULLS_NOT_DISTINCT_SINCE,
          },
        },
      ];
    });
  },
};

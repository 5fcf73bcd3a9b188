import type { CatalogSnapshot, Index } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import { lookup } from './catalog-lookup.js';
import { concurrentDefinition } from './index-definition.js';
import { sameShape } from './index-shape.js';
import { attachRecipe } from './partition-index-recipe.js';

type Advice = Pick<Finding, 'message' | 'why' | 'help' | 'suggestedSql'>;

function partitionedAdvice(catalog: CatalogSnapshot, index: Index): Advice {
  const { missing, invalidChildren, steps } = attachRecipe(catalog, index);
  const gaps = [
    missing.length > 0
      ? `${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no index attached to it`
      : '',
    invalidChildren.length > 0
      ? `the attached ${invalidChildren.join(', ')} ${invalidChildren.length === 1 ? 'is' : 'are'} invalid`
      : '',
  ].filter((gap) => gap !== '');
  return {
    message: `Index ${index.qualified} on partitioned table ${index.table.qualified} is invalid${
      gaps.length > 0 ? `: ${gaps.join(', and ')}` : ''
    }.`,
    why: `A partitioned index (made by CREATE INDEX ... ON ONLY, or a constraint added to ONLY the table) stays invalid until every partition has a valid index attached to it. Until then the partitions without one have no such index to serve queries${
      index.unique ? ', and the uniqueness it stands for is not enforced in them' : ''
    }.`,
    help: `Do not drop and re-create it (CREATE INDEX on a partitioned table locks every partition): build the missing partition indexes with CREATE INDEX CONCURRENTLY and attach them; ${index.qualified} becomes valid when the last one is attached.`,
    ...(steps.length > 0 ? { suggestedSql: steps.join('\n') } : {}),
  };
}

/** A query that shows the rows a failed UNIQUE build tripped on, when the keys are plain columns. */
function duplicateRowsQuery(index: Index): string | undefined {
  if (!index.unique || index.keys.some((key) => key.kind !== 'column')) return undefined;
  const columns = index.keys.map((key) => (key.kind === 'column' ? quoteIdent(key.column) : '')).join(', ');
  const where = index.predicate === undefined ? '' : ` WHERE ${index.predicate}`;
  return `SELECT ${columns}, count(*) FROM ${index.table.qualified}${where} GROUP BY ${columns} HAVING count(*) > 1`;
}

function plainAdvice(catalog: CatalogSnapshot, index: Index): Advice {
  const message = `Index ${index.qualified} on ${index.table.qualified} is invalid: a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY failed and left it behind.`;
  const why = `PostgreSQL never uses an invalid index for a query, so what it was built for is missing${
    index.unique ? ' (including the uniqueness it should enforce: rows may already break it)' : ''
  }; depending on where the build stopped, every write may still maintain it, and it takes disk space.`;
  const twin = lookup(catalog)
    .indexesOn(index.table)
    .find((other) => other.valid && sameShape(other, index));
  if (twin) {
    return {
      message,
      why,
      help: `${twin.qualified} is a valid index of the same definition (a REINDEX CONCURRENTLY leftover looks like this): drop ${index.qualified}, nothing to re-create.`,
      suggestedSql: `DROP INDEX CONCURRENTLY ${index.qualified};`,
    };
  }
  if (index.constraint !== undefined) {
    return {
      message,
      why,
      help: `It backs the constraint ${index.constraint}, so rebuild it in place without blocking writes.`,
      suggestedSql: `REINDEX INDEX CONCURRENTLY ${index.qualified};`,
    };
  }
  const duplicates = duplicateRowsQuery(index);
  return {
    message,
    why,
    help: `Drop it and build it again with CONCURRENTLY, outside a transaction block.${
      duplicates
        ? ` A UNIQUE build usually fails on duplicate rows: find and fix them first (${duplicates}).`
        : ''
    }`,
    suggestedSql: `DROP INDEX CONCURRENTLY ${index.qualified};\n${concurrentDefinition(index)}`,
  };
}

export const banInvalidIndex: SchemaRule = {
  meta: {
    id: 'ban-invalid-index',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'error',
    summary: 'An index is invalid: no query uses it, and it may still slow every write.',
  },
  check(ctx) {
    return ctx.catalog.indexes
      .filter((index) => !index.valid)
      .map((index): Finding => {
        const partitioned = lookup(ctx.catalog).table(index.table)?.kind === 'partitioned';
        return {
          ...(partitioned ? partitionedAdvice(ctx.catalog, index) : plainAdvice(ctx.catalog, index)),
          ...ctx.locate({ kind: 'index', index }),
          data: { table: index.table.qualified, index: index.qualified, partitioned, unique: index.unique },
        };
      });
  },
};

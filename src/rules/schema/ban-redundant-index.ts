import type { Index } from '../../catalog/model.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import { lookup } from './catalog-lookup.js';
import { dropIndexSql } from './drop-index-sql.js';
import { findDuplicates } from './duplicate-indexes.js';
import { keepReason, unneededIndexCost } from './index-cost.js';
import { preferToKeep, servesAsPrefix } from './index-shape.js';

const keyList = (index: Index): string =>
  index.keys.map((key) => (key.kind === 'column' ? key.column : key.expression)).join(', ');

/**
 * The index that makes `index` redundant, if any. Two indexes can serve each other (`(a)` and
 * `(a DESC)`): then only the one preferToKeep ranks lower is redundant. Among several, the widest
 * wins, as it is the one left standing when every redundant index is dropped.
 */
function replacementOf(candidates: readonly Index[], index: Index): Index | undefined {
  return candidates
    .filter((other) => servesAsPrefix(other, index))
    .filter((other) => !servesAsPrefix(index, other) || preferToKeep(other, index) < 0)
    .sort((a, b) => b.keys.length - a.keys.length || preferToKeep(a, b))[0];
}

function describe(index: Index, keep: Index): Omit<Finding, 'suggestedSql' | 'data'> {
  return {
    message: `Index ${index.qualified} (${keyList(index)}) is redundant: ${keep.qualified} (${keyList(keep)}) on ${index.table.qualified} serves every query it serves.`,
    why: `${keep.qualified} starts with the same keys, in the same order or all reversed (a backward scan reads it so), with the same predicate${
      index.unique ? ' and the same uniqueness' : ''
    }: the planner can use it wherever it would use ${index.qualified}. ${unneededIndexCost(index)}`,
    help: `Keep ${keep.qualified} (${
      keep.keys.length > index.keys.length ? 'it serves more queries' : keepReason(keep, index)
    }) and drop ${index.qualified}; a lookup on the leading keys reads a few more bytes per entry from the wider index, rarely measurable.`,
  };
}

export const banRedundantIndex: SchemaRule = {
  meta: {
    id: 'ban-redundant-index',
    group: 'schema',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'A btree index is made redundant by another whose leading keys are the same.',
  },
  check(ctx) {
    const tables = lookup(ctx.catalog);
    // Duplicates are ban-duplicate-index's: their extras are neither judged nor offered as replacements.
    const extras = new Set(findDuplicates(ctx.catalog).flatMap((set) => set.extras));
    const judged = (index: Index) => index.valid && !extras.has(index);
    return ctx.catalog.indexes.flatMap((index): Finding[] => {
      // A constraint's index goes only with its constraint; an attached one is judged through its parent.
      if (!judged(index) || index.constraint !== undefined || index.parentIndex !== undefined) return [];
      const keep = replacementOf(tables.indexesOn(index.table).filter(judged), index);
      if (!keep) return [];
      return [
        {
          ...describe(index, keep),
          ...ctx.locate({ kind: 'index', index }),
          suggestedSql: dropIndexSql(ctx.catalog, index),
          data: {
            table: index.table.qualified,
            index: index.qualified,
            redundantTo: keep.qualified,
            sizeBytes: index.sizeBytes,
          },
        },
      ];
    });
  },
};

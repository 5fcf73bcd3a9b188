import type { Finding, SchemaRule } from '../schema-rule.js';
import { dropIndexSql } from './drop-index-sql.js';
import { findDuplicates } from './duplicate-indexes.js';
import { keepReason, unneededIndexCost } from './index-cost.js';

export const banDuplicateIndex: SchemaRule = {
  meta: {
    id: 'ban-duplicate-index',
    group: 'schema',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'Two indexes on a table are the same index under different names.',
  },
  check(ctx) {
    return findDuplicates(ctx.catalog).flatMap(({ keep, extras }) =>
      extras.map(
        (extra): Finding => ({
          message: `Index ${extra.qualified} duplicates ${keep.qualified} on ${extra.table.qualified}: same method, keys, order, INCLUDE columns and predicate.`,
          why: `No query can use one and not the other, so ${extra.qualified} serves nothing. ${unneededIndexCost(extra)}`,
          help: `Keep ${keep.qualified} (${keepReason(keep, extra)}) and drop ${extra.qualified}${
            extra.constraint === undefined ? '' : ` together with its constraint ${extra.constraint}`
          }.`,
          ...ctx.locate({ kind: 'index', index: extra }),
          suggestedSql: dropIndexSql(ctx.catalog, extra),
          data: {
            table: extra.table.qualified,
            index: extra.qualified,
            duplicateOf: keep.qualified,
            sizeBytes: extra.sizeBytes,
          },
        }),
      ),
    );
  },
};

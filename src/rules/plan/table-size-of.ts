import { isSmallTable, type TableSize, type TableSizes } from '../../migrate/table-sizes.js';
import type { PlanNode } from '../../plan/model.js';
import { quoteIdent } from '../../sql/quote.js';

/**
 * What live statistics say of the table a scan reads. Plans name the schema only with VERBOSE, so
 * without it the relation must be the only one of that name.
 */
export function tableSizeOf(sizes: TableSizes | undefined, node: PlanNode): TableSize | undefined {
  if (!sizes || node.relation === undefined) return undefined;
  const relation = quoteIdent(node.relation);
  if (node.schema !== undefined) return sizes.get(`${quoteIdent(node.schema)}.${relation}`);
  const matches = [...sizes].filter(([name]) => name.endsWith(`.${relation}`));
  return matches.length === 1 ? matches[0]?.[1] : undefined;
}

/** Small by the same measure migrations use: statistics exist and say few rows and few bytes. */
export function isKnownSmall(sizes: TableSizes | undefined, node: PlanNode): boolean {
  return isSmallTable(tableSizeOf(sizes, node));
}

import type { CatalogSnapshot, Index } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import { lookup } from './catalog-lookup.js';

/** A short wait for the lock: if a long query holds the table, give up rather than queue every other query behind. */
const LOCK_TIMEOUT = "SET lock_timeout = '5s';";

/**
 * SQL that removes an index without blocking a busy table: DROP INDEX CONCURRENTLY where it exists;
 * on a partitioned table (which refuses CONCURRENTLY) or for an index backing a constraint (which
 * only goes with its constraint), the plain statement behind a lock_timeout.
 */
export function dropIndexSql(catalog: CatalogSnapshot, index: Index): string {
  if (index.constraint !== undefined) {
    return [
      LOCK_TIMEOUT,
      `ALTER TABLE ${index.table.qualified} DROP CONSTRAINT ${quoteIdent(index.constraint)};`,
      'RESET lock_timeout;',
    ].join('\n');
  }
  if (lookup(catalog).table(index.table)?.kind === 'partitioned') {
    return [LOCK_TIMEOUT, `DROP INDEX ${index.qualified};`, 'RESET lock_timeout;'].join('\n');
  }
  return `DROP INDEX CONCURRENTLY ${index.qualified};`;
}

import type { Index, RelationName } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';

/**
 * The part of pg_get_indexdef after the table, `USING btree (a, b) INCLUDE (c) WHERE ...`, or
 * undefined when the definition does not start the way PostgreSQL prints it.
 */
export function indexDefinitionTail(index: Index): string | undefined {
  for (const only of ['', 'ONLY ']) {
    const head = `${index.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX'} ${quoteIdent(index.name)} ON ${only}${index.table.qualified} `;
    if (index.definition.startsWith(head)) return index.definition.slice(head.length);
  }
  return undefined;
}

/** The index's own definition, built without blocking writes. */
export function concurrentDefinition(index: Index): string {
  return `${index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ')};`;
}

/**
 * The same index on another table (a partition), under another name. CONCURRENTLY is refused on a
 * partitioned table: there the index goes on the partitioned table alone, attached partitions later.
 */
export function definitionOn(
  index: Index,
  table: RelationName & { readonly kind: 'table' | 'partitioned' },
  name: string,
): string | undefined {
  const tail = indexDefinitionTail(index);
  if (tail === undefined) return undefined;
  const create = index.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX';
  const on = table.kind === 'partitioned' ? `ON ONLY ${table.qualified}` : `ON ${table.qualified}`;
  const concurrently = table.kind === 'partitioned' ? '' : ' CONCURRENTLY';
  return `${create}${concurrently} ${quoteIdent(name)} ${on} ${tail};`;
}

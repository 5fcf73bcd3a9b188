import type { CatalogSnapshot, Index } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import { lookup } from './catalog-lookup.js';
import { definitionOn } from './index-definition.js';
import { suggestIndexName } from './index-name.js';
import { sameDefinition, sameRelation } from './index-shape.js';

export interface AttachRecipe {
  /** Partitions with no index attached to the partitioned index. */
  readonly missing: readonly string[];
  /** Attached partition indexes that are themselves invalid (each is reported on its own). */
  readonly invalidChildren: readonly string[];
  /** One line per step; empty when nothing is missing. */
  readonly steps: readonly string[];
}

const keyNames = (index: Index): string[] =>
  index.keys.map((key) => (key.kind === 'column' ? key.column : 'expr'));

/**
 * A partitioned index is valid once every partition has an index attached to it. For each partition
 * without one: attach a matching index it already has, or build one concurrently and attach it.
 */
export function attachRecipe(catalog: CatalogSnapshot, parent: Index): AttachRecipe {
  const attachTo = `ALTER INDEX ${parent.qualified} ATTACH PARTITION`;
  const missing: string[] = [];
  const invalidChildren: string[] = [];
  const steps: string[] = [];
  const tables = lookup(catalog);
  for (const partition of tables.partitionsOf(parent.table)) {
    const onPartition = tables.indexesOn(partition);
    const attached = onPartition.find(
      (index) => index.parentIndex !== undefined && sameRelation(index.parentIndex, parent),
    );
    if (attached) {
      if (!attached.valid) invalidChildren.push(attached.qualified);
      continue;
    }
    missing.push(partition.qualified);
    const twin = onPartition.find(
      (index) => index.valid && index.parentIndex === undefined && sameDefinition(index, parent),
    );
    if (twin) {
      steps.push(`${attachTo} ${twin.qualified};`);
      continue;
    }
    const name = suggestIndexName(catalog, partition.schema, partition.name, keyNames(parent));
    const create = definitionOn(parent, partition, name);
    if (create === undefined) continue;
    if (partition.kind === 'partitioned') {
      steps.push(
        `-- ${partition.qualified} is itself partitioned: attach an index to each of its partitions too.`,
      );
    }
    steps.push(create, `${attachTo} ${quoteIdent(partition.schema)}.${quoteIdent(name)};`);
  }
  return { missing, invalidChildren, steps };
}

import type { CatalogSnapshot, Index } from '../../catalog/model.js';
import { lookup } from './catalog-lookup.js';
import { preferToKeep, sameShape } from './index-shape.js';

export interface DuplicateSet {
  /** The index to keep (see preferToKeep). */
  readonly keep: Index;
  /** The others, each reported once. Never an index attached to a partitioned index: its parent is. */
  readonly extras: readonly Index[];
}

/**
 * Valid indexes of the same shape, grouped. Invalid indexes stay out: ban-invalid-index reports
 * each of them once, and says to drop without re-creating when a valid twin exists.
 */
export function findDuplicates(catalog: CatalogSnapshot): readonly DuplicateSet[] {
  const siblings = lookup(catalog);
  return catalog.indexes.flatMap((index) => {
    if (!index.valid) return [];
    const [keep, ...others] = siblings
      .indexesOn(index.table)
      .filter((other) => other.valid && sameShape(other, index))
      .sort(preferToKeep);
    // Each set once: when its best member comes by.
    if (keep !== index) return [];
    const extras = others.filter((other) => other.parentIndex === undefined);
    return extras.length > 0 ? [{ keep, extras }] : [];
  });
}

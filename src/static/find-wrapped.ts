import type { NodeOf, NodeTag } from '../sql/node-types.js';

/**
 * Every node of one type that a parse tree holds in a Node-typed field (`{ RangeVar: {...} }`),
 * in document order. Query clauses (FROM, USING, joins, subqueries, CTEs) hold their relations
 * that way; unlike sql/walk's collect, no paths are kept, which matters on large INSERTs.
 */
export function findWrapped<K extends NodeTag>(root: unknown, tag: K): NodeOf<K>[] {
  const found: NodeOf<K>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === tag) found.push(child as NodeOf<K>);
      visit(child);
    }
  };
  visit(root);
  return found;
}

import type { FillTable } from './fill-shape.js';

/**
 * Parents before children, so a child's foreign keys find rows to point at. A cycle is broken at the first
 * table still waiting, in the order given: its keys to tables not yet filled get NULL where they may.
 */
export function fillOrder(tables: readonly FillTable[]): readonly FillTable[] {
  const given = new Set(tables.map((t) => t.name));
  const done = new Set<string>();
  const order: FillTable[] = [];
  const waiting = [...tables];
  while (waiting.length > 0) {
    const ready = (t: FillTable): boolean =>
      t.foreignKeys.every((k) => k.parent === t.name || !given.has(k.parent) || done.has(k.parent));
    const index = Math.max(0, waiting.findIndex(ready));
    const [next] = waiting.splice(index, 1);
    if (!next) break;
    order.push(next);
    done.add(next.name);
  }
  return order;
}

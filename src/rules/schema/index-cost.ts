import type { Index } from '../../catalog/model.js';

/** What an index that serves nothing still costs; shared by the duplicate and redundant rules. */
export function unneededIndexCost(index: Index): string {
  return `Yet every INSERT, and every UPDATE that is not HOT, writes to ${index.qualified} too, VACUUM scans it, its pages compete with useful ones for shared_buffers, backups and replicas carry it, and the planner weighs it for every query on ${index.table.qualified}.`;
}

/** Why the kept index was chosen, for the help text. */
export function keepReason(keep: Index, drop: Index): string {
  if (keep.constraint !== undefined) return `it backs the constraint ${keep.constraint}`;
  if (keep.parentIndex !== undefined)
    return `it is attached to ${keep.parentIndex.qualified} and cannot be dropped alone`;
  if (keep.unique && !drop.unique) return 'it is UNIQUE';
  return 'it is the older one';
}

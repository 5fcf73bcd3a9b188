import type { PlanNode } from '../../plan/model.js';
import type { PlanRule } from '../plan-rule.js';
import { executed, kilobytes, nodeFinding, nodeLabel, percent, rows } from './node-facts.js';

/** Blocks the node read itself: EXPLAIN's buffer counts include the children's. */
function ownReads(node: PlanNode): number {
  const children = node.children.reduce((sum, c) => sum + (c.buffers?.sharedRead ?? 0), 0);
  return Math.max(0, (node.buffers?.sharedRead ?? 0) - children);
}

export const buffersReadFromDisk: PlanRule = {
  meta: {
    id: 'buffers-read-from-disk',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'info',
    summary:
      'Most of the pages the query touched were read from disk (or the OS cache) rather than found in shared buffers.',
    thresholds: {
      minReadBlocks: { default: 1000, description: 'blocks (8 kB) read from outside shared buffers' },
      minReadShare: { default: 0.5, description: 'reads as a share of all the blocks touched (hit + read)' },
    },
  },
  check(ctx) {
    const nodes = executed(ctx.plan, ctx.metrics);
    const root = ctx.plan.root.buffers;
    if (nodes.length === 0 || !root) return [];
    const read = root.sharedRead;
    const touched = read + root.sharedHit;
    const share = touched > 0 ? read / touched : 0;
    if (read < (ctx.thresholds.minReadBlocks ?? 0) || share < (ctx.thresholds.minReadShare ?? 0)) return [];
    const top = nodes.map((m) => m.node).reduce((a, b) => (ownReads(b) > ownReads(a) ? b : a));
    return [
      nodeFinding(top, {
        message: `The query read ${rows(read)} blocks (${kilobytes(read * 8)}) from outside shared buffers, ${percent(share)} of the ${rows(touched)} it touched; ${nodeLabel(top)} read ${rows(ownReads(top))} of them.`,
        why: 'A block found in shared buffers costs a memory access; a read goes to the OS cache or the disk. The first run after a restart is cold; when repeated runs still read, the data the query needs does not stay cached.',
        help: `Read less: an index so the scan touches fewer pages, fewer or narrower columns; a large sequential scan uses a small ring buffer and reads every time by design. If the working set should be cached, shared_buffers${ctx.plan.settings.shared_buffers ? ` (${ctx.plan.settings.shared_buffers})` : ''} may be too small for it.`,
        data: {
          sharedRead: read,
          sharedHit: root.sharedHit,
          readShare: share,
          nodeSharedRead: ownReads(top),
        },
      }),
    ];
  },
};

import type { NodeMetrics } from '../../plan/metrics.js';
import type { PlanNode } from '../../plan/model.js';
import type { PlanRule } from '../plan-rule.js';
import type { Finding } from '../schema-rule.js';
import { executed, kilobytes, nodeFinding, numberOf, textOf } from './node-facts.js';

const BLOCK_KB = 8;

/** Nodes that spill without a field of their own saying so: only their temp blocks tell. */
const TEMP_ONLY = new Set(['Materialize', 'WindowAgg', 'CTE Scan', 'Recursive Union', 'SetOp', 'Memoize']);

interface Spill {
  /** What spilled, in words. */
  readonly what: string;
  /** kB written to temporary files by this node, when known. */
  readonly diskKb?: number;
  readonly fields: Record<string, unknown>;
}

/** Temp blocks written by the node itself: EXPLAIN's buffer counts include the children's. */
function ownTempWritten(node: PlanNode): number {
  const own = node.buffers?.tempWritten ?? 0;
  return Math.max(0, own - node.children.reduce((sum, c) => sum + (c.buffers?.tempWritten ?? 0), 0));
}

function spillOf(node: PlanNode): Spill | undefined {
  const tempKb = ownTempWritten(node) * BLOCK_KB;
  const method = textOf(node, 'Sort Method');
  if (node.nodeType === 'Sort' || node.nodeType === 'Incremental Sort') {
    if (textOf(node, 'Sort Space Type') !== 'Disk' && !method?.startsWith('external')) return undefined;
    const diskKb = numberOf(node, 'Sort Space Used') ?? tempKb;
    return {
      what: `the sort (${method ?? 'external'})`,
      diskKb,
      fields: { sortMethod: method, sortSpaceUsedKb: diskKb },
    };
  }
  const batches = numberOf(node, 'Hash Batches');
  if (node.nodeType === 'Hash' && batches !== undefined && batches > 1) {
    const original = numberOf(node, 'Original Hash Batches');
    return {
      what: `the hash table (${batches} batches${original !== undefined && original !== batches ? `, planned ${original}` : ''})`,
      diskKb: tempKb || undefined,
      fields: {
        hashBatches: batches,
        originalHashBatches: original,
        peakMemoryKb: numberOf(node, 'Peak Memory Usage'),
      },
    };
  }
  const aggBatches = numberOf(node, 'HashAgg Batches');
  const aggDisk = numberOf(node, 'Disk Usage');
  if ((aggBatches ?? 0) > 1 || (aggDisk ?? 0) > 0) {
    return {
      what: `the hash aggregate (${aggBatches ?? '?'} batches)`,
      diskKb: aggDisk ?? tempKb,
      fields: { hashAggBatches: aggBatches, diskUsageKb: aggDisk },
    };
  }
  if (tempKb > 0 && TEMP_ONLY.has(node.nodeType))
    return { what: 'its working set', diskKb: tempKb, fields: {} };
  return undefined;
}

function finding(m: NodeMetrics, spill: Spill, workMem: string | undefined): Finding {
  const { node } = m;
  const size = spill.diskKb ? ` ${kilobytes(spill.diskKb)}` : '';
  const raise = spill.diskKb
    ? ` (for this one, about ${kilobytes(Math.ceil((spill.diskKb * 2) / 1024) * 1024)}: SET LOCAL work_mem in its transaction)`
    : '';
  return nodeFinding(node, {
    message: `${node.title}${node.relation ? ` on ${node.relation}` : ''} spilled${size} to disk: ${spill.what} did not fit in work_mem${workMem ? ` (${workMem})` : ''}.`,
    why: 'Rows that do not fit in work_mem are written to temporary files and read back, often several times: far slower than memory, and it competes with every other query for I/O.',
    help: `Raise work_mem for this query${raise}, or make the input smaller: fewer rows (filter earlier), fewer or narrower columns, or an index that returns rows already in order so nothing needs sorting.`,
    data: {
      ...spill.fields,
      tempBlocksWritten: node.buffers?.tempWritten,
      spillKb: spill.diskKb,
      ...(workMem !== undefined && { workMem }),
    },
  });
}

export const diskSpill: PlanRule = {
  meta: {
    id: 'disk-spill',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: 'A sort, hash or aggregate did not fit in work_mem and spilled to temporary files on disk.',
    thresholds: {
      minSpillKb: {
        default: 0,
        description: 'spills of at most this many kB are ignored (0: report every spill)',
      },
    },
  },
  check(ctx) {
    const workMem = ctx.plan.settings.work_mem;
    return executed(ctx.plan, ctx.metrics).flatMap((m) => {
      const spill = spillOf(m.node);
      if (!spill || (spill.diskKb ?? Number.POSITIVE_INFINITY) <= (ctx.thresholds.minSpillKb ?? 0)) return [];
      return [finding(m, spill, workMem)];
    });
  },
};

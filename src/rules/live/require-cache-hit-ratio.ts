import { count, percent } from '../../live/format.js';
import { type LiveRule, threshold } from './live-rule.js';

export const requireCacheHitRatio: LiveRule = {
  meta: {
    id: 'require-cache-hit-ratio',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'Too many of the database’s block reads miss shared_buffers and go to the operating system or the disk.',
    thresholds: {
      minRatio: {
        default: 0.95,
        description: 'share of block reads served from shared_buffers below which it is reported',
      },
      minReads: {
        default: 100_000,
        description: 'block reads (hit plus read) needed before the ratio means something',
      },
    },
  },
  scope: 'server',
  check(ctx) {
    const { blocksHit, blocksRead } = ctx.facts.database;
    const total = blocksHit + blocksRead;
    if (total < threshold(ctx, 'minReads')) return [];
    const ratio = blocksHit / total;
    if (ratio >= threshold(ctx, 'minRatio')) return [];
    return [
      {
        message: `Cache hit ratio of database ${ctx.facts.database.database} is ${percent(ratio)}: ${count(blocksRead)} of ${count(total)} block reads missed shared_buffers.`,
        why: 'A block not in shared_buffers comes from the OS page cache at best and from disk at worst: queries that touch it are many times slower.',
        help: 'Look for the queries that read the most blocks (pgvigil top) and give them indexes (pgvigil advise); if the hot data truly is larger than memory, raise shared_buffers (about a quarter of RAM) or the machine.',
        file: ctx.facts.target,
        data: { blocksHit, blocksRead, ratio },
      },
    ];
  },
};

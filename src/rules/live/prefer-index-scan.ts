import { count, percent } from '../../live/format.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';

export const preferIndexScan: LiveRule = {
  meta: {
    id: 'prefer-index-scan',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A large table is read mostly by sequential scans: some query reads all of it where an index would do.',
    thresholds: {
      minRows: { default: 100_000, description: 'live rows a table needs before its scans matter' },
      minSeqShare: { default: 0.5, description: 'share of the table’s scans that are sequential' },
      minSeqScans: { default: 100, description: 'sequential scans since the statistics were reset' },
    },
  },
  scope: 'server',
  check(ctx) {
    return ctx.facts.tables.flatMap((table): Finding[] => {
      const scans = table.seqScans + table.indexScans;
      const share = table.seqScans / Math.max(scans, 1);
      if (
        table.liveRows < threshold(ctx, 'minRows') ||
        table.seqScans < threshold(ctx, 'minSeqScans') ||
        share < threshold(ctx, 'minSeqShare')
      )
        return [];
      const perScan = table.seqRowsRead / Math.max(table.seqScans, 1);
      return [
        {
          message: `${table.table} (${count(table.liveRows)} rows) was read by ${count(table.seqScans)} sequential scans, ${percent(share)} of its scans, ${count(Math.round(perScan))} rows each on average.`,
          why: 'Each sequential scan reads every page of the table: its cost grows with the table, it pushes hotter data out of the cache, and under load it is usually the query that pages you.',
          help: 'Find the queries that scan it (pgvigil top --db, pg_stat_statements) and let the advisor propose an index proven by the planner: pgvigil advise --db <url>.',
          file: ctx.facts.target,
          data: {
            table: table.table,
            liveRows: table.liveRows,
            seqScans: table.seqScans,
            indexScans: table.indexScans,
            seqRowsRead: table.seqRowsRead,
          },
        },
      ];
    });
  },
};

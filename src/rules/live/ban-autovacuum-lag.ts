import { count, duration, percent } from '../../live/format.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';

export const banAutovacuumLag: LiveRule = {
  meta: {
    id: 'ban-autovacuum-lag',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A table has many more dead rows than the point where autovacuum should have cleaned it: autovacuum is behind or blocked.',
    thresholds: {
      minDeadRows: { default: 10_000, description: 'dead rows a table needs before it is reported' },
      minDeadShare: { default: 0.2, description: 'dead rows as a share of live plus dead rows' },
      triggerFactor: {
        default: 2,
        description: 'how many times the autovacuum trigger point the dead rows must exceed',
      },
    },
  },
  scope: 'database',
  check(ctx) {
    return ctx.facts.tables.flatMap((table): Finding[] => {
      const share = table.deadRows / Math.max(table.deadRows + table.liveRows, 1);
      if (
        table.deadRows < threshold(ctx, 'minDeadRows') ||
        share < threshold(ctx, 'minDeadShare') ||
        table.deadRows < table.autovacuumTrigger * threshold(ctx, 'triggerFactor')
      )
        return [];
      const last =
        table.sinceVacuumSeconds === null
          ? 'it was never vacuumed'
          : `it was last vacuumed ${duration(table.sinceVacuumSeconds)} ago`;
      return [
        {
          message: `${table.table} has ${count(table.deadRows)} dead rows (${percent(share)} of its rows), ${(table.deadRows / Math.max(table.autovacuumTrigger, 1)).toFixed(1)}× the point where autovacuum should start; ${last}.`,
          why: 'Dead rows make every scan read pages of garbage and grow the table and its indexes (bloat that only VACUUM FULL or a rebuild gives back); a table autovacuum cannot keep up with also drifts toward wraparound.',
          help: 'Look for what holds VACUUM back (long transactions, idle-in-transaction sessions, replication slots), then vacuum it now; if this table is always behind, give it its own autovacuum_vacuum_scale_factor (0.01–0.05) and a higher autovacuum_vacuum_cost_limit. Per-table autovacuum settings are not read here.',
          suggestedSql: `VACUUM (VERBOSE, ANALYZE) ${table.table};`,
          file: ctx.facts.target,
          data: {
            table: table.table,
            deadRows: table.deadRows,
            liveRows: table.liveRows,
            autovacuumTrigger: table.autovacuumTrigger,
            sinceVacuumSeconds: table.sinceVacuumSeconds,
          },
        },
      ];
    });
  },
};

import { count, percent } from '../../live/format.js';
import { type LiveRule, threshold } from './live-rule.js';

/** Transaction IDs available before the server refuses writes to avoid wraparound (2^31 minus a margin). */
const XID_LIMIT = 2_000_000_000;

export const banXidWraparoundRisk: LiveRule = {
  meta: {
    id: 'ban-xid-wraparound-risk',
    group: 'live',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary:
      'The oldest unfrozen transaction ID of the database is far behind: anti-wraparound vacuums are overdue, and at about two billion the server stops accepting writes.',
    thresholds: {
      warnShare: {
        default: 0.5,
        description: 'share of the two-billion transaction ID budget used that makes a warning',
      },
      errorShare: { default: 0.75, description: 'share used that makes an error' },
    },
  },
  scope: 'database',
  check(ctx) {
    const { database, tables } = ctx.facts;
    const share = database.xidAge / XID_LIMIT;
    if (share < threshold(ctx, 'warnShare')) return [];
    const oldest = [...tables].sort((a, b) => b.xidAge - a.xidAge).slice(0, 5);
    return [
      {
        severity: share >= threshold(ctx, 'errorShare') ? 'error' : 'warning',
        message: `Database ${database.database} is ${count(database.xidAge)} transactions from its oldest unfrozen row: ${percent(share)} of the way to the wraparound stop (autovacuum_freeze_max_age is ${count(database.freezeMaxAge)}).`,
        why: 'At about two billion the server refuses every write until a VACUUM of the oldest tables finishes, which can take hours on large tables: a full outage.',
        help: `Find what keeps the freeze from advancing (long transactions, abandoned replication slots or prepared transactions, autovacuum that is cancelled or too slow) and run VACUUM (FREEZE, VERBOSE) on the oldest tables${oldest.length > 0 ? `: ${oldest.map((t) => t.table).join(', ')}` : ''}.`,
        file: ctx.facts.target,
        data: {
          xidAge: database.xidAge,
          share,
          oldestTables: oldest.map((t) => ({ table: t.table, xidAge: t.xidAge })),
        },
      },
    ];
  },
};

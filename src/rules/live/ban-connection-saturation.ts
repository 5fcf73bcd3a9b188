import { percent } from '../../live/format.js';
import type { LiveRule } from './live-rule.js';
import { threshold } from './live-rule.js';

export const banConnectionSaturation: LiveRule = {
  meta: {
    id: 'ban-connection-saturation',
    group: 'live',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary:
      'Client connections are close to max_connections minus the reserved slots: new connections will be refused.',
    thresholds: {
      warnShare: {
        default: 0.8,
        description: 'share of the usable connection slots in use that makes a warning',
      },
      errorShare: { default: 0.95, description: 'share in use that makes an error' },
    },
  },
  scope: 'server',
  check(ctx) {
    const db = ctx.facts.database;
    // reserved_connections (16+) are for pg_use_reserved_connections roles, superuser_reserved for superusers.
    const usable = db.maxConnections - db.superuserReserved - db.reserved;
    const share = usable > 0 ? db.clientConnections / usable : 1;
    if (share < threshold(ctx, 'warnShare')) return [];
    const reserved = `${db.superuserReserved} reserved for superusers${db.reserved > 0 ? `, ${db.reserved} reserved_connections` : ''}`;
    return [
      {
        severity: share >= threshold(ctx, 'errorShare') ? 'error' : 'warning',
        message: `${db.clientConnections} client connections use ${percent(share)} of the ${usable} this server accepts (max_connections ${db.maxConnections}, ${reserved}).`,
        why: 'When they are all taken, new connections fail with "too many clients already" (or "remaining connection slots are reserved"): deploys, cron jobs and failovers stop connecting first.',
        help: 'Put a pooler (PgBouncer in transaction mode) in front, shrink the application pools (pgvigil pooling sizes them), and end idle sessions; raising max_connections costs memory per connection.',
        file: ctx.facts.target,
        data: {
          clientConnections: db.clientConnections,
          maxConnections: db.maxConnections,
          superuserReserved: db.superuserReserved,
          reservedConnections: db.reserved,
          usable,
        },
      },
    ];
  },
};

import { duration } from '../../live/format.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';
import { lastQuery, sessionData, who } from './session-text.js';

export const banLongRunningTransaction: LiveRule = {
  meta: {
    id: 'ban-long-running-transaction',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A transaction has been open for a long time: its snapshot holds back VACUUM on every table, and its locks stay held.',
    thresholds: {
      minSeconds: { default: 300, description: 'seconds a transaction may stay open before it is reported' },
    },
  },
  scope: 'server',
  check(ctx) {
    const min = threshold(ctx, 'minSeconds');
    return ctx.facts.sessions.flatMap((session): Finding[] => {
      if ((session.transactionSeconds ?? 0) < min) return [];
      return [
        {
          message: `Session ${who(session)} has had a transaction open for ${duration(session.transactionSeconds ?? 0)} (${session.state ?? 'state hidden'})${lastQuery(session)}`,
          why: 'No row that died after it began can be vacuumed anywhere in the database, so tables and indexes bloat while it runs; its locks are held until it ends.',
          help: 'If it is a batch job, split it into shorter transactions; if it is stuck, cancel it (pg_cancel_backend) or end it; set statement_timeout and idle_in_transaction_session_timeout for application roles.',
          suggestedSql: `SELECT pg_cancel_backend(${session.pid});`,
          file: ctx.facts.target,
          data: sessionData(session),
        },
      ];
    });
  },
};

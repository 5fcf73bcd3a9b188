import { duration } from '../../live/format.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';
import { lastQuery, sessionData, who } from './session-text.js';

export const banIdleInTransaction: LiveRule = {
  meta: {
    id: 'ban-idle-in-transaction',
    group: 'live',
    category: 'locking',
    defaultSeverity: 'warning',
    summary:
      'A session has an open transaction and does nothing: it holds its locks and stops VACUUM from removing dead rows.',
    thresholds: {
      minIdleSeconds: { default: 30, description: 'seconds idle inside a transaction before it is reported' },
    },
  },
  scope: 'server',
  check(ctx) {
    const min = threshold(ctx, 'minIdleSeconds');
    return ctx.facts.sessions.flatMap((session): Finding[] => {
      if (!session.state?.startsWith('idle in transaction') || (session.stateSeconds ?? 0) < min) return [];
      return [
        {
          message: `Session ${who(session)} has been idle in a transaction for ${duration(session.stateSeconds ?? 0)}${lastQuery(session)}`,
          why: 'Its locks stay held (anything that needs a conflicting lock queues behind it, and everything after that queues too), and its snapshot keeps VACUUM from removing rows that died since it began.',
          help: 'Find the code path that opens a transaction and then waits (on the network, a user, a slow API) and commit before it; set idle_in_transaction_session_timeout so a forgotten one is ended. To end this one now:',
          suggestedSql: `SELECT pg_terminate_backend(${session.pid});`,
          file: ctx.facts.target,
          data: { ...sessionData(session), idleSeconds: session.stateSeconds },
        },
      ];
    });
  },
};

import { collect } from '../../sql/walk.js';
import type { SessionFeatureRule } from './session-feature-rule.js';

/** LISTEN registers the server connection, which the pooler hands to other clients between transactions. */
export const banListen: SessionFeatureRule = {
  meta: {
    id: 'ban-listen',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary: 'LISTEN through a transaction-mode pooler: the notifications never reach the client.',
  },
  find: (root) =>
    collect(root, 'ListenStmt').map((listen) => ({
      location: -1,
      what: `LISTEN ${listen.conditionname ?? ''}`.trim(),
    })),
  describe: (use) => ({
    message: `\`${use.what}\` registers a server connection for notifications; behind a transaction-mode pooler the client is not linked to it when they arrive.`,
    why: 'After the LISTEN commits the pooler takes the connection back: notifications arrive on a connection no client is reading (PgBouncer drops them), so the listener silently hears nothing. NOTIFY and pg_notify() are fine: they are sent at commit of the sending transaction.',
    help: 'Open one direct connection to PostgreSQL (or a session-mode pool) for the listener, and keep NOTIFY on the pooled connections.',
  }),
};

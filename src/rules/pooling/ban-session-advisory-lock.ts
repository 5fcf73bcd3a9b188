import { callsNamed, functionName } from '../../sql/function-calls.js';
import type { SessionFeatureRule } from './session-feature-rule.js';

const SESSION_LOCKS = new Set([
  'pg_advisory_lock',
  'pg_advisory_lock_shared',
  'pg_try_advisory_lock',
  'pg_try_advisory_lock_shared',
  'pg_advisory_unlock',
  'pg_advisory_unlock_shared',
  'pg_advisory_unlock_all',
]);

/** Session advisory locks: held by the server connection until unlocked or disconnected. */
export const banSessionAdvisoryLock: SessionFeatureRule = {
  meta: {
    id: 'ban-session-advisory-lock',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary:
      'A session advisory lock (pg_advisory_lock and friends) is held by the pooled server connection, not by the client.',
  },
  find: (root) =>
    callsNamed(root, SESSION_LOCKS).map((call) => ({
      location: call.location ?? -1,
      what: `${functionName(call)}()`,
    })),
  describe: (use) => ({
    message: `\`${use.what}\` takes or releases a session advisory lock, which a transaction-mode pooler cannot tie to this client.`,
    why: 'The lock belongs to the server connection: the unlock may run on another connection (and fail with "you don\'t own a lock"), and whichever client gets the locking connection next already holds the lock.',
    help: 'Take the lock with pg_advisory_xact_lock (or pg_try_advisory_xact_lock) inside the transaction it protects; it is released at COMMIT or ROLLBACK.',
    suggestedSql: 'BEGIN;\nSELECT pg_advisory_xact_lock(42);\n-- the work the lock protects\nCOMMIT;',
  }),
};

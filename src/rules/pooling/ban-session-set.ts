import { callsNamed } from '../../sql/function-calls.js';
import { collect } from '../../sql/walk.js';
import { constantBoolean } from './constant-boolean.js';
import type { FeatureUse, SessionFeatureRule } from './session-feature-rule.js';

const SESSION_KINDS = new Set(['VAR_SET_VALUE', 'VAR_SET_DEFAULT', 'VAR_SET_CURRENT']);
const SET_CONFIG = new Set(['set_config']);

function sessionSets(root: unknown): FeatureUse[] {
  return collect(root, 'VariableSetStmt')
    .filter(
      (set) =>
        !set.is_local &&
        (SESSION_KINDS.has(set.kind ?? '') ||
          (set.kind === 'VAR_SET_MULTI' && set.name === 'SESSION CHARACTERISTICS')),
    )
    .map((set) => ({ location: -1, what: `SET ${set.name ?? ''}`.trim() }));
}

function sessionSetConfigs(root: unknown): FeatureUse[] {
  return callsNamed(root, SET_CONFIG)
    .filter((call) => constantBoolean(call.args?.[2]) === false)
    .map((call) => ({ location: call.location ?? -1, what: 'set_config(..., false)' }));
}

/** `SET x = ...` (or `set_config(x, ..., false)`): a setting for the session, not the transaction. */
export const banSessionSet: SessionFeatureRule = {
  meta: {
    id: 'ban-session-set',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary:
      'A SET without LOCAL (or set_config(..., false)) changes the pooled server connection, not the transaction.',
  },
  find: (root) => [...sessionSets(root), ...sessionSetConfigs(root)].sort((a, b) => a.location - b.location),
  describe: (use) => ({
    message: `\`${use.what}\` changes a session setting, which a transaction-mode pooler does not keep for this client.`,
    why: 'The setting stays on the server connection: the next transaction of this client may run on another connection without it, and another client that gets this connection inherits it.',
    help: 'Use SET LOCAL (or set_config(name, value, true)) inside the transaction that needs it, or set it per role/database with ALTER ROLE ... SET.',
    suggestedSql: use.what.startsWith('SET ')
      ? `BEGIN;\n${use.what.replace(/^SET /, 'SET LOCAL ')} = ...;\n-- the statements that need it\nCOMMIT;`
      : "SELECT set_config('name', 'value', true);  -- inside the transaction",
  }),
};

import { collect } from '../../sql/walk.js';
import type { FeatureUse, SessionFeatureRule } from './session-feature-rule.js';

function uses(root: unknown): FeatureUse[] {
  const created = collect(root, 'CreateStmt')
    .filter((s) => s.relation?.relpersistence === 't' && s.oncommit !== 'ONCOMMIT_DROP')
    .map((s) => ({ location: s.relation?.location ?? -1, name: s.relation?.relname ?? '' }));
  const selected = collect(root, 'CreateTableAsStmt')
    .filter((s) => s.into?.rel?.relpersistence === 't' && s.into.onCommit !== 'ONCOMMIT_DROP')
    .map((s) => ({ location: s.into?.rel?.location ?? -1, name: s.into?.rel?.relname ?? '' }));
  return [...created, ...selected].map(({ location, name }) => ({
    location,
    what: `CREATE TEMPORARY TABLE ${name}`,
  }));
}

/** A temporary table that outlives its transaction stays on a pooled connection. */
export const requireTempTableOnCommitDrop: SessionFeatureRule = {
  meta: {
    id: 'require-temp-table-on-commit-drop',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary:
      'A temporary table without ON COMMIT DROP outlives its transaction on a pooled server connection.',
  },
  find: uses,
  describe: (use) => ({
    message: `\`${use.what}\` has no ON COMMIT DROP: behind a transaction-mode pooler the table stays on a server connection this client may not get again.`,
    why: 'The next transaction may run on another connection ("relation does not exist"), and the client that gets this connection finds the table already there ("already exists") or reads someone else\'s rows.',
    help: 'Create it with ON COMMIT DROP and use it within one transaction.',
    suggestedSql: `BEGIN;\n${use.what} (...) ON COMMIT DROP;\n-- fill and read it here\nCOMMIT;`,
  }),
};

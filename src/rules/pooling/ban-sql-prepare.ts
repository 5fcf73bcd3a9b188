import { collect } from '../../sql/walk.js';
import type { FeatureUse, SessionFeatureRule } from './session-feature-rule.js';

function uses(root: unknown): FeatureUse[] {
  return [
    ...collect(root, 'PrepareStmt').map((s) => ({ location: -1, what: `PREPARE ${s.name ?? ''}` })),
    ...collect(root, 'ExecuteStmt').map((s) => ({ location: -1, what: `EXECUTE ${s.name ?? ''}` })),
    ...collect(root, 'DeallocateStmt')
      .filter((s) => s.name)
      .map((s) => ({ location: -1, what: `DEALLOCATE ${s.name ?? ''}` })),
  ];
}

/** SQL-level prepared statements live in the server session. */
export const banSqlPrepare: SessionFeatureRule = {
  meta: {
    id: 'ban-sql-prepare',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary:
      'SQL PREPARE / EXECUTE / DEALLOCATE across transactions: the prepared statement stays on one pooled server connection.',
  },
  find: uses,
  describe: (use) => ({
    message: `\`${use.what.trim()}\` uses a SQL prepared statement, which lives on one server connection that a transaction-mode pooler does not keep for this client.`,
    why: 'An EXECUTE in a later transaction may run on another connection and fail with "prepared statement does not exist"; a PREPARE may hit a connection where another client already prepared the name ("already exists"). PgBouncer 1.21+ max_prepared_statements covers protocol-level prepared statements only, never SQL PREPARE.',
    help: 'Send the query with parameters through the driver (unnamed protocol-level statement) instead of PREPARE/EXECUTE, or PREPARE, EXECUTE and DEALLOCATE in one transaction.',
  }),
};

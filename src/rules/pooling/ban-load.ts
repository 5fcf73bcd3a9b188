import { collect } from '../../sql/walk.js';
import type { SessionFeatureRule } from './session-feature-rule.js';

/** LOAD changes the server process, which a transaction-mode pooler shares between clients. */
export const banLoad: SessionFeatureRule = {
  meta: {
    id: 'ban-load',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary: "LOAD loads a library into one pooled server process, not into the client's session.",
  },
  find: (root) =>
    collect(root, 'LoadStmt').map((load) => ({ location: -1, what: `LOAD '${load.filename ?? ''}'` })),
  describe: (use) => ({
    message: `\`${use.what}\` loads a library into one server process; behind a transaction-mode pooler later transactions may run in others without it.`,
    why: 'Whatever the library sets up (auto_explain, a hook) exists only in the process that ran LOAD: this client sees it in some transactions and not others, and other clients get it unasked.',
    help: 'Load it for every session on the server (session_preload_libraries or shared_preload_libraries, or ALTER ROLE ... SET session_preload_libraries).',
    suggestedSql: `ALTER ROLE app_user SET session_preload_libraries = '${use.what.replace(/^LOAD '|'$/g, '')}';`,
  }),
};

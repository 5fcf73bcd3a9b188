import { collect } from '../../sql/walk.js';
import type { SessionFeatureRule } from './session-feature-rule.js';

/** CURSOR_OPT_HOLD in parsenodes.h. */
const CURSOR_OPT_HOLD = 0x0020;

/** A WITH HOLD cursor outlives its transaction on one server connection. */
export const banCursorWithHold: SessionFeatureRule = {
  meta: {
    id: 'ban-cursor-with-hold',
    group: 'pooling',
    category: 'pooling',
    defaultSeverity: 'warning',
    summary: 'DECLARE ... WITH HOLD: the cursor outlives its transaction on a pooled server connection.',
  },
  find: (root) =>
    collect(root, 'DeclareCursorStmt')
      .filter((cursor) => ((cursor.options ?? 0) & CURSOR_OPT_HOLD) !== 0)
      .map((cursor) => ({ location: -1, what: `DECLARE ${cursor.portalname ?? ''} CURSOR WITH HOLD` })),
  describe: (use) => ({
    message: `\`${use.what}\` keeps a cursor after COMMIT; behind a transaction-mode pooler the next FETCH may run on another server connection.`,
    why: 'The held cursor lives on the connection that declared it: a FETCH in a later transaction fails with "cursor does not exist" when the pooler picks another connection, and the held result stays in memory on the first one.',
    help: 'Declare the cursor without WITH HOLD and FETCH from it inside one transaction, or page with keyset pagination (WHERE id > $1 ORDER BY id LIMIT n).',
  }),
};

import type { FallbackRule } from '../migration-fallback.js';
import { lockOnExisting } from './observed-lock.js';
import { heldUntil, lockName } from './observed-table.js';
import { coveredTables, NO_RULE_NOTE } from './uncovered.js';

export const observedRewrite: FallbackRule = {
  meta: {
    id: 'observed-rewrite',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'warning',
    scalesWithTable: true,
    summary:
      'A table that already exists was seen to get a new file (its rows copied or emptied) during a statement no other rule reported.',
  },
  check(ctx, reported) {
    const covered = coveredTables(reported);
    const rewritten = ctx.observation.rewritten.filter(
      (r) => (r.kind === 'table' || r.kind === 'matview') && ctx.existedBefore.has(r.relation),
    );
    const lock = lockOnExisting(ctx, ['table', 'matview']);
    return rewritten
      .filter((r) => !covered.has(r.relation))
      .map((r) => ({
        message: `${r.relation} got a new file during this statement: PostgreSQL copied its rows (a rewrite) or emptied it (TRUNCATE)${lock ? `, holding ${lockName(lock.mode)}` : ''}.`,
        why: `${NO_RULE_NOTE} A copy takes time in proportion to the table, and no query can use the table meanwhile${heldUntil(ctx)}; an emptied table loses its rows.`,
        help: 'Find out what forces the new file (pgvigil lint --trace shows the locks), and do it in a way that keeps the table in place, or in a maintenance window.',
        data: {
          table: r.relation,
          ...(lock && { lock: lock.mode }),
          observed: true,
          inTransaction: ctx.inTransaction,
        },
      }));
  },
};

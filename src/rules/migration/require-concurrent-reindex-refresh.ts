import type { Node } from '@pgsql/types';
import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { lockOnExisting } from './observed-lock.js';
import { heldUntil } from './observed-table.js';

function outside(ctx: StatementContext): string {
  return ctx.inTransaction
    ? ` It cannot run in a transaction: ${runOutsideTransactionAdvice(ctx.migration.format)}`
    : '';
}

/** REINDEX: SHARE on the table (writes wait), ACCESS EXCLUSIVE on each index (queries that would use it wait). */
function reindex(ctx: StatementContext): Finding[] {
  const rebuilt = ctx.observation.rewritten
    .filter((r) => r.kind === 'index' && ctx.existedBefore.has(r.relation))
    .map((r) => r.relation);
  const table = lockOnExisting(ctx, ['table', 'matview']);
  const lockSeen = table !== undefined || lockOnExisting(ctx, ['index']) !== undefined;
  // REINDEX SCHEMA / DATABASE run outside any transaction: their locks cannot be read, their rebuilds can.
  if (rebuilt.length === 0 || (!lockSeen && ctx.observation.locks !== 'not observable')) return [];
  const where = table ? ` and a SHARE lock on ${table.relation}` : '';
  return [
    {
      message: `REINDEX rebuilds ${rebuilt.join(', ')} under ACCESS EXCLUSIVE${where}: writes to the table wait, and so does every query that would use the index.`,
      why: `The index existed before this migration: its table has rows and traffic, and the rebuild reads all of them${heldUntil(ctx)}.`,
      help: `Rebuild it with REINDEX CONCURRENTLY (PostgreSQL 12+): a new index is built beside the old one, reads and writes go on.${outside(ctx)}`,
      suggestedSql: `${ctx.statement.text.replace(/\b(index|table|schema|database|system)\b/i, '$1 CONCURRENTLY')};`,
      data: {
        indexes: rebuilt,
        ...(table && { table: table.relation, lock: table.mode }),
        inTransaction: ctx.inTransaction,
      },
    },
  ];
}

/** REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE on the view while its query runs again. */
function refresh(ctx: StatementContext): Finding[] {
  const lock = lockOnExisting(ctx, ['matview']);
  if (lock?.mode !== 'AccessExclusiveLock') return [];
  return [
    {
      message: `REFRESH MATERIALIZED VIEW takes an ACCESS EXCLUSIVE lock on ${lock.relation}: every read of it waits until the refresh is done.`,
      why: `${lock.relation} existed before this migration, so it has readers; the refresh runs its whole query again and rewrites it${heldUntil(ctx)}.`,
      help: `Refresh it with REFRESH MATERIALIZED VIEW CONCURRENTLY: readers keep the old rows until the new ones are in. It needs a unique index on the materialized view (on columns only, without WHERE) and a view already populated.${outside(ctx)}`,
      suggestedSql: [
        `-- If ${lock.relation} has no unique index yet: CREATE UNIQUE INDEX CONCURRENTLY ON ${lock.relation} (<key columns>);`,
        `${ctx.statement.text.replace(/\bview\b/i, 'VIEW CONCURRENTLY')};`,
      ].join('\n'),
      data: { matview: lock.relation, lock: lock.mode, observed: true, inTransaction: ctx.inTransaction },
    },
  ];
}

function judged(node: Node): 'reindex' | 'refresh' | undefined {
  if ('ReindexStmt' in node) {
    const concurrent = (node.ReindexStmt.params ?? []).some(
      (p) => 'DefElem' in p && p.DefElem?.defname === 'concurrently',
    );
    return concurrent ? undefined : 'reindex';
  }
  if ('RefreshMatViewStmt' in node && !node.RefreshMatViewStmt.concurrent) return 'refresh';
  return undefined;
}

export const requireConcurrentReindexRefresh: MigrationRule = {
  meta: {
    id: 'require-concurrent-reindex-refresh',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'REINDEX or REFRESH MATERIALIZED VIEW without CONCURRENTLY on a relation that already exists blocks its readers or writers for the whole rebuild.',
  },
  check(ctx) {
    const kind = judged(ctx.statement.node);
    if (kind === 'reindex') return reindex(ctx);
    if (kind === 'refresh') return refresh(ctx);
    return [];
  },
};

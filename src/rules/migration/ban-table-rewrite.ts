import type { Node } from '@pgsql/types';
import { LOCK_MODE_TABLE, type LockMode } from '../../observe/lock-modes.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { lockOnExisting } from './observed-lock.js';
import { heldUntil } from './observed-table.js';
import { rewriteCauses } from './rewrite-cause.js';

/** Rewrites other rules judge: REINDEX and REFRESH have concurrent forms, TRUNCATE empties rather than copies (ban-truncate). */
const JUDGED_ELSEWHERE = ['ReindexStmt', 'RefreshMatViewStmt', 'TruncateStmt'];

function relnameOf(node: Node, table: string): string {
  const relation =
    ('AlterTableStmt' in node && node.AlterTableStmt.relation) ||
    ('ClusterStmt' in node && node.ClusterStmt.relation) ||
    undefined;
  return relation?.relname ?? table.slice(table.lastIndexOf('.') + 1).replaceAll('"', '');
}

function rewrittenBefore(ctx: StatementContext, kind: 'table' | 'index'): readonly string[] {
  return ctx.observation.rewritten
    .filter((r) => r.kind === kind && ctx.existedBefore.has(r.relation))
    .map((r) => r.relation);
}

/** "public.posts and its 2 indexes", or only the indexes when the table itself kept its file. */
function whatWasRewritten(tables: readonly string[], indexes: readonly string[]): string {
  if (tables.length === 0) return `the ${indexes.length === 1 ? 'index' : 'indexes'} ${indexes.join(', ')}`;
  const n = indexes.length;
  return `${tables.join(', ')}${n === 0 ? '' : ` and ${n === 1 ? 'its index' : `its ${n} indexes`}`}`;
}

export const banTableRewrite: MigrationRule = {
  meta: {
    id: 'ban-table-rewrite',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'A statement that rewrites a table that already exists (or its indexes) blocks every read and write of it for as long as the copy takes.',
  },
  check(ctx) {
    const node = ctx.statement.node;
    if (JUDGED_ELSEWHERE.some((tag) => tag in node)) return [];
    const tables = rewrittenBefore(ctx, 'table');
    const indexes = rewrittenBefore(ctx, 'index');
    const rewritten = [...tables, ...indexes];
    if (rewritten.length === 0) return [];
    const lock = lockOnExisting(ctx, ['table']);
    // Every rewrite of a table holds ACCESS EXCLUSIVE; VACUUM FULL runs outside a transaction, where no lock can be read.
    const mode: LockMode = lock?.mode ?? 'AccessExclusiveLock';
    const table = lock?.relation ?? tables[0] ?? rewritten[0] ?? '';
    const causes = rewriteCauses(ctx.statement, {
      table,
      tableName: relnameOf(node, table),
      serverVersion: ctx.serverVersion,
    });
    const cause = causes.length > 0 ? causes.map((c) => c.label).join(' or ') : 'this statement';
    const finding: Finding = {
      message: `${cause[0]?.toUpperCase()}${cause.slice(1)} rewrites ${whatWasRewritten(tables, indexes)} under ${LOCK_MODE_TABLE[mode].sqlName}: every read and write of ${table} waits until the copy is done.`,
      why: `${table} existed before this migration, so it has rows and traffic: PostgreSQL copies every row and rebuilds every index, for a time that grows with the table${heldUntil(ctx)}. Queries queue behind the lock, and so does everything after them.`,
      help:
        causes.length > 0
          ? 'Reach the same schema without the rewrite: the suggested SQL does it in steps that each hold a lock only briefly.'
          : 'Find the form of this change that PostgreSQL does without copying the table, or run it in a maintenance window.',
      ...(causes.length > 0 && { suggestedSql: causes.map((c) => c.recipe).join('\n\n') }),
      data: {
        table,
        rewritten,
        lock: mode,
        lockObserved: lock !== undefined,
        cause,
        inTransaction: ctx.inTransaction,
      },
    };
    return [finding];
  },
};

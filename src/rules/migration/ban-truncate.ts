import { LOCK_MODE_TABLE, type LockMode } from '../../observe/lock-modes.js';
import type { MigrationRule } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { lockOnExisting } from './observed-lock.js';
import { heldUntil } from './observed-table.js';

export const banTruncate: MigrationRule = {
  meta: {
    id: 'ban-truncate',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    summary:
      'TRUNCATE of a table that already exists empties it under ACCESS EXCLUSIVE: every row is gone, and every query on it waits.',
  },
  check(ctx) {
    if (!('TruncateStmt' in ctx.statement.node)) return [];
    // What the engine emptied (a new file for the same oid), CASCADE and search_path included.
    const emptied = ctx.observation.rewritten
      .filter(
        (r) => (r.kind === 'table' || r.kind === 'partitioned-table') && ctx.existedBefore.has(r.relation),
      )
      .map((r) => r.relation);
    if (emptied.length === 0) return [];
    const lock = lockOnExisting(ctx, ['table', 'partitioned-table']);
    // TRUNCATE always holds ACCESS EXCLUSIVE; outside a transaction no lock can be read.
    const mode: LockMode = lock?.mode ?? 'AccessExclusiveLock';
    const tables = emptied.join(', ');
    const finding: Finding = {
      message: `TRUNCATE empties ${tables} under ${LOCK_MODE_TABLE[mode].sqlName}: every row is gone, and every query on ${emptied.length === 1 ? 'it' : 'them'}, reads included, waits for the lock.`,
      why: `${tables} existed before this migration, so ${emptied.length === 1 ? 'it has' : 'they have'} rows and traffic. TRUNCATE gives each table a new, empty file${heldUntil(ctx)}; it is not MVCC-safe (a transaction that started before sees the table empty), and a rolled-back deploy cannot bring the rows back.`,
      help: 'Delete only the rows that must go, in batches, outside the migration; if the table really must be emptied, do it in a window with lock_timeout set, after a copy of its rows.',
      suggestedSql: [
        "SET lock_timeout = '3s';",
        `-- after keeping a copy of the rows, if they may be wanted:`,
        `${ctx.statement.text};`,
      ].join('\n'),
      data: {
        tables: emptied,
        lock: mode,
        lockObserved: lock !== undefined,
        inTransaction: ctx.inTransaction,
      },
    };
    return [finding];
  },
};

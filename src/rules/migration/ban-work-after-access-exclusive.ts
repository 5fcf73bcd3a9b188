import { deployApartCaveat } from '../../migrate/pending-in-one-transaction.js';
import type { LockTaken } from '../../observe/observation.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import { heldBefore, onPreExistingTables, writeBlockingLocks } from './pre-existing.js';

/** What the statement did that takes longer on a bigger table, or may wait: each as a phrase for the message. */
function workDone(ctx: StatementContext, locked: ReadonlySet<string>): string[] {
  const { observation } = ctx;
  const existing = (relation: string) => ctx.existedBefore.has(relation);
  const activity = observation.activity === 'not observable' ? [] : observation.activity;
  const work = [
    ...observation.rewritten.filter((r) => existing(r.relation)).map((r) => `rewrites ${r.relation}`),
    ...activity
      .filter((a) => existing(a.relation) && a.updated + a.deleted > 0)
      .map((a) => `changes rows of ${a.relation}`),
    ...activity
      .filter(
        (a) => existing(a.relation) && a.updated + a.deleted === 0 && (a.seqScans > 0 || a.rowsRead > 0),
      )
      .map((a) => `scans ${a.relation}`),
    ...writeBlockingLocks(ctx, observation.locks)
      .filter((lock) => !locked.has(lock.relation))
      .map((lock) => `waits for a lock on ${lock.relation}`),
  ];
  return [...new Set(work)];
}

/** VALIDATE CONSTRAINT after the ADD that locked the table: ban-validate-in-same-transaction reports it, with its own fix. */
function onlyValidates(ctx: StatementContext): boolean {
  const node = ctx.statement.node;
  if (!('AlterTableStmt' in node)) return false;
  const cmds = node.AlterTableStmt.cmds ?? [];
  return (
    cmds.length > 0 &&
    cmds.every((cmd) => 'AlterTableCmd' in cmd && cmd.AlterTableCmd.subtype === 'AT_ValidateConstraint')
  );
}

function exclusiveBefore(ctx: StatementContext): LockTaken[] {
  return onPreExistingTables(ctx, heldBefore(ctx)).filter((lock) => lock.mode === 'AccessExclusiveLock');
}

export const banWorkAfterAccessExclusive: MigrationRule = {
  meta: {
    id: 'ban-work-after-access-exclusive',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'warning',
    summary:
      'A statement does slow work, or waits for another lock, after an earlier statement of the same transaction took ACCESS EXCLUSIVE on a table that already exists.',
  },
  check(ctx) {
    if (!ctx.inTransaction || onlyValidates(ctx)) return [];
    const exclusive = exclusiveBefore(ctx);
    if (exclusive.length === 0) return [];
    const tables = exclusive.map((lock) => lock.relation);
    const work = workDone(ctx, new Set(tables));
    if (work.length === 0) return [];
    const list = tables.join(', ');
    return [
      {
        message: `This statement ${work.join(', ')} while the transaction holds ACCESS EXCLUSIVE on ${list}: no one can read or write ${list} until it is done.`,
        why: `An earlier statement of this migration locked ${list}, and the lock lasts until the transaction commits; everything after it, this statement included, adds to the time every query on ${list} waits. Work that grows with a table, or a wait for another lock, turns a moment into an outage.`,
        help: `Split the migration: put the statement that takes ACCESS EXCLUSIVE in a migration of its own, or last in this one, so its lock is released as soon as it is taken.${deployApartCaveat(ctx.migration.format)}`,
        suggestedSql: [
          '-- Migration 1: this statement and the rest of the work, without the ACCESS EXCLUSIVE lock:',
          `${ctx.statement.text};`,
          `-- Migration 2 (or the last statement of this one): the statement that locks ${list}, after SET LOCAL lock_timeout.`,
        ].join('\n'),
        data: { lockedTables: tables, work, inTransaction: true },
      },
    ];
  },
};

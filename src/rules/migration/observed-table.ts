import type { AlterTableCmd, Constraint, RangeVar } from '@pgsql/types';
import {
  blocksReads,
  blocksWrites,
  LOCK_MODE_TABLE,
  type LockMode,
  strongestLock,
} from '../../observe/lock-modes.js';
import type { LockTaken } from '../../observe/observation.js';
import { quoteIdent } from '../../sql/quote.js';
import type { StatementContext } from '../migration-rule.js';
import { namesRelation, preExistingTarget } from './pre-existing.js';

/** An ALTER TABLE's target as the parse tree names it, and its subcommands. */
export interface AlterTarget {
  readonly relation: RangeVar;
  /** As the statement names it (schema only when written), quoted: for the fix's SQL. */
  readonly written: string;
  readonly cmds: readonly AlterTableCmd[];
}

export function writtenName(relation: RangeVar): string {
  const name = quoteIdent(relation.relname ?? '');
  return relation.schemaname ? `${quoteIdent(relation.schemaname)}.${name}` : name;
}

export function alterTarget(ctx: StatementContext): AlterTarget | undefined {
  const node = ctx.statement.node;
  if (!('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return undefined;
  const { relation, cmds = [] } = node.AlterTableStmt;
  if (!relation) return undefined;
  const subcommands = cmds.flatMap((cmd) => ('AlterTableCmd' in cmd ? [cmd.AlterTableCmd] : []));
  return { relation, written: writtenName(relation), cmds: subcommands };
}

/** ALTER TABLE on a table that existed before the migration, with its subcommands; undefined otherwise. */
export function alteredPreExistingTable(
  ctx: StatementContext,
): { readonly table: string; readonly cmds: readonly AlterTableCmd[] } | undefined {
  const target = alterTarget(ctx);
  const table = target && preExistingTarget(ctx, target.relation);
  return target && table ? { table, cmds: target.cmds } : undefined;
}

export interface AddedConstraint {
  readonly constraint: Constraint;
  /** Set for a constraint written on a column the same statement adds. */
  readonly column?: string;
}

/** Constraints an ALTER TABLE adds: ADD CONSTRAINT ones, and those on the columns it adds. */
export function addedConstraints(cmds: readonly AlterTableCmd[]): readonly AddedConstraint[] {
  return cmds.flatMap((cmd): AddedConstraint[] => {
    if (cmd.subtype === 'AT_AddConstraint')
      return cmd.def && 'Constraint' in cmd.def ? [{ constraint: cmd.def.Constraint }] : [];
    if (cmd.subtype !== 'AT_AddColumn' || !cmd.def || !('ColumnDef' in cmd.def)) return [];
    const column = cmd.def.ColumnDef;
    return (column.constraints ?? []).flatMap((node) =>
      'Constraint' in node ? [{ constraint: node.Constraint, column: column.colname ?? '' }] : [],
    );
  });
}

/** A table the transaction holds a lock on after the statement, matched by the name as written. */
export interface ObservedTable {
  /** Schema-qualified, as the engine resolved it (search_path included). */
  readonly name: string;
  readonly kind: LockTaken['kind'];
  /** The strongest lock held on it once the statement ran: its own, or one taken earlier in the transaction. */
  readonly mode: LockMode;
  readonly existedBefore: boolean;
  /** Rows read by sequential scans during the statement. */
  readonly rowsRead: number;
  readonly scanned: boolean;
}

/** Undefined when the statement's locks were not observable (it ran outside a transaction). */
export function observedTable(ctx: StatementContext, relation: RangeVar): ObservedTable | undefined {
  const { held, activity } = ctx.observation;
  if (held === 'not observable' || activity === 'not observable') return undefined;
  const tableLocks = held.filter(
    (lock) =>
      (lock.kind === 'table' || lock.kind === 'partitioned-table') && namesRelation(relation, lock.relation),
  );
  const first = tableLocks[0];
  const mode = strongestLock(tableLocks.filter((l) => l.relation === first?.relation).map((l) => l.mode));
  if (!first || !mode) return undefined;
  const scan = activity.find((a) => a.relation === first.relation);
  return {
    name: first.relation,
    kind: first.kind,
    mode,
    existedBefore: ctx.existedBefore.has(first.relation),
    rowsRead: scan?.rowsRead ?? 0,
    scanned: (scan?.seqScans ?? 0) > 0 || (scan?.rowsRead ?? 0) > 0,
  };
}

/** "ACCESS EXCLUSIVE", as the manual spells it. */
export function lockName(mode: LockMode): string {
  return LOCK_MODE_TABLE[mode].sqlName;
}

/** What waits behind the lock on the tables, for a message: "every query on t, reads included,". */
export function whatWaits(mode: LockMode, tables: string): string {
  if (blocksReads(mode)) return `every query on ${tables}, reads included,`;
  if (blocksWrites(mode)) return `every INSERT, UPDATE and DELETE on ${tables}`;
  return `other schema changes, VACUUM and ANALYZE on ${tables}`;
}

/** How long the lock lasts, for a why. */
export function heldUntil(ctx: StatementContext): string {
  return ctx.inTransaction
    ? ', and the lock is held until the migration’s transaction commits, so everything after this statement in it extends the wait'
    : '';
}

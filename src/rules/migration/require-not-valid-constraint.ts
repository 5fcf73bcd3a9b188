import type { Constraint } from '@pgsql/types';
import { quoteIdent } from '../../sql/quote.js';
import type { Statement } from '../../sql/statement.js';
import { collect } from '../../sql/walk.js';
import type { MigrationRule } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { addColumnsWithout, constraintText } from './column-without.js';
import {
  type AddedConstraint,
  type AlterTarget,
  addedConstraints,
  alterTarget,
  heldUntil,
  lockName,
  observedTable,
  whatWaits,
} from './observed-table.js';
import { recipe } from './recipe-steps.js';

type Validated = AddedConstraint;

const CONSTRAINT_PREFIX = /^constraint\s+("(?:[^"]|"")+"|\S+)\s+/i;

function strings(nodes: Constraint['fk_attrs']): string[] {
  return (nodes ?? []).flatMap((node) => ('String' in node ? [node.String.sval ?? ''] : []));
}

/** The name PostgreSQL gives it (ChooseConstraintName's table_column_suffix), or the one written. */
function constraintName(table: AlterTarget, { constraint, column }: Validated): string {
  if (constraint.conname) return constraint.conname;
  const relname = table.relation.relname ?? '';
  if (constraint.contype === 'CONSTR_FOREIGN') {
    const columns = column ? [column] : strings(constraint.fk_attrs);
    return `${relname}_${columns.join('_')}_fkey`;
  }
  const first = collect(constraint.raw_expr, 'ColumnRef')[0]?.fields?.at(-1);
  const col = column ?? (first && 'String' in first ? first.String.sval : undefined);
  return col ? `${relname}_${col}_check` : `${relname}_check`;
}

/** The NOT VALID add, then the validation. */
function steps(statement: Statement, table: AlterTarget, validated: Validated): readonly [string, string] {
  const name = quoteIdent(constraintName(table, validated));
  const { constraint, column } = validated;
  const body = constraintText(statement, table, validated).replace(CONSTRAINT_PREFIX, '');
  const tableForm =
    column && constraint.contype === 'CONSTR_FOREIGN' ? `FOREIGN KEY (${quoteIdent(column)}) ${body}` : body;
  const add = `ALTER TABLE ${table.written} ADD CONSTRAINT ${name} ${tableForm} NOT VALID;`;
  return [add, `ALTER TABLE ${table.written} VALIDATE CONSTRAINT ${name};`];
}

export const requireNotValidConstraint: MigrationRule = {
  meta: {
    id: 'require-not-valid-constraint',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'A FOREIGN KEY or CHECK constraint added without NOT VALID to a table that already exists scans every row under a lock that blocks writes.',
  },
  check(ctx) {
    const altered = alterTarget(ctx);
    if (!altered) return [];
    const validated: Validated[] = addedConstraints(altered.cmds).filter(
      ({ constraint }) =>
        (constraint.contype === 'CONSTR_FOREIGN' || constraint.contype === 'CONSTR_CHECK') &&
        !constraint.skip_validation,
    );
    const observed = validated.length > 0 ? observedTable(ctx, altered.relation) : undefined;
    // Judged by the scan seen: a nullable FK column added without a default is not checked at all.
    if (!observed?.existedBefore || !observed.scanned) return [];
    const fks = validated.filter((v) => v.constraint.contype === 'CONSTR_FOREIGN');
    const referenced = fks.flatMap((v) => {
      const pk = v.constraint.pktable && observedTable(ctx, v.constraint.pktable);
      return pk && pk.name !== observed.name ? [pk] : [];
    });
    const tables = [observed, ...referenced];
    const what = validated.map((v) => `ADD CONSTRAINT ${quoteIdent(constraintName(altered, v))}`).join(', ');
    const locks = tables.map((t) => `${lockName(t.mode)} on ${t.name}`).join(' and ');
    const split = validated.map((v) => steps(ctx.statement, altered, v));
    const finding: Finding = {
      message: `${what} checks every row already in ${observed.name} while holding ${locks}: ${tables
        .map((t) => `${whatWaits(t.mode, t.name)} waits`)
        .join('; ')} until the check ends.`,
      why: `${observed.name} existed before this migration, so it has rows and traffic, and the scan grows with it${heldUntil(ctx)}.`,
      help: `Add the constraint NOT VALID (instant: only rows written from then on are checked), then VALIDATE CONSTRAINT in a later migration: it checks the old rows under SHARE UPDATE EXCLUSIVE${
        fks.length > 0 ? ' (ROW SHARE on the referenced table)' : ''
      }, so reads and writes go on.`,
      suggestedSql: recipe([
        [...addColumnsWithout(ctx.statement, altered, validated), ...split.map(([add]) => add)],
        split.map(([, validate]) => validate),
      ]),
      data: {
        table: observed.name,
        lock: observed.mode,
        referenced: referenced.map((t) => ({ table: t.name, lock: t.mode })),
        rowsRead: observed.rowsRead,
        observed: true,
        inTransaction: ctx.inTransaction,
      },
    };
    return [finding];
  },
};

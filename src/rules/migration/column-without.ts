import type { Constraint } from '@pgsql/types';
import type { Statement } from '../../sql/statement.js';
import { clauseAt } from './clause-text.js';
import type { AddedConstraint, AlterTarget } from './observed-table.js';

/** A column-level constraint's text ends where the column's next constraint begins. */
function nextLocation(statement: Statement, target: AlterTarget, constraint: Constraint): number {
  const after = target.cmds
    .flatMap((cmd) => (cmd.def && 'ColumnDef' in cmd.def ? (cmd.def.ColumnDef.constraints ?? []) : []))
    .flatMap((node) => ('Constraint' in node ? [node.Constraint.location ?? -1] : []))
    .filter((location) => location > (constraint.location ?? 0));
  return after.length > 0 ? Math.min(...after) : statement.end;
}

/** The constraint's text as written (with its CONSTRAINT name prefix, if any). */
export function constraintText(statement: Statement, target: AlterTarget, added: AddedConstraint): string {
  const location = added.constraint.location ?? 0;
  return added.column === undefined
    ? clauseAt(statement, location)
    : clauseAt(statement, location, nextLocation(statement, target, added.constraint));
}

/** ADD COLUMN for each column the moved constraints sat on, as written but without them: the fix adds those apart. */
export function addColumnsWithout(
  statement: Statement,
  target: AlterTarget,
  moved: readonly AddedConstraint[],
): string[] {
  return target.cmds.flatMap((cmd) => {
    if (!cmd.def || !('ColumnDef' in cmd.def)) return [];
    const def = cmd.def.ColumnDef;
    const own = moved.filter((added) => added.column !== undefined && added.column === def.colname);
    if (own.length === 0) return [];
    const text = own.reduce(
      (column, added) => column.replace(constraintText(statement, target, added), ''),
      clauseAt(statement, def.location ?? 0),
    );
    return [`ALTER TABLE ${target.written} ADD COLUMN ${text.replace(/\s+/g, ' ').trim()};`];
  });
}

import type { AlterTableStmt, Constraint, RangeVar } from '@pgsql/types';
import type { StatementFailure } from '../observe/observation.js';
import { refusal } from './transaction-refusal.js';

/**
 * PostgreSQL 18 accepts ADD FOREIGN KEY ... NOT VALID on a partitioned table; 11 to 17 refuse it in
 * ATAddForeignKeyConstraint (the 18 release notes: "Allow NOT VALID foreign key constraints on
 * partitioned tables").
 */
export const NOT_VALID_FK_ON_PARTITIONED_SINCE = 180000;

/** SQLSTATE 42809, wrong_object_type: the error PostgreSQL 11 to 17 raise for it. */
const WRONG_OBJECT_TYPE = '42809';

/** The NOT VALID foreign keys an ALTER TABLE adds with ADD CONSTRAINT. */
function notValidForeignKeys(stmt: AlterTableStmt): Constraint[] {
  return (stmt.cmds ?? []).flatMap((cmd) => {
    const def =
      'AlterTableCmd' in cmd && cmd.AlterTableCmd.subtype === 'AT_AddConstraint' && cmd.AlterTableCmd.def;
    const constraint = def && 'Constraint' in def ? def.Constraint : undefined;
    return constraint?.contype === 'CONSTR_FOREIGN' && constraint.skip_validation ? [constraint] : [];
  });
}

/** The table of an ALTER TABLE that adds a NOT VALID foreign key, when the version judged for refuses that on a partitioned one. */
export function notValidForeignKeyTarget(stmt: AlterTableStmt, serverVersion: number): RangeVar | undefined {
  if (serverVersion >= NOT_VALID_FK_ON_PARTITIONED_SINCE || stmt.objtype !== 'OBJECT_TABLE') return undefined;
  return notValidForeignKeys(stmt).length > 0 ? stmt.relation : undefined;
}

/** PostgreSQL's refusal (before 18) of a NOT VALID foreign key on the partitioned table the ALTER TABLE names. */
export function notValidForeignKeyRefusal(stmt: AlterTableStmt): StatementFailure['error'] | undefined {
  const referenced = notValidForeignKeys(stmt)[0]?.pktable?.relname;
  if (!stmt.relation?.relname || !referenced) return undefined;
  return refusal(
    `cannot add NOT VALID foreign key on partitioned table "${stmt.relation.relname}" referencing relation "${referenced}" (PostgreSQL 18 added this form)`,
    WRONG_OBJECT_TYPE,
  );
}

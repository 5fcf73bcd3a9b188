import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint } from '@pgsql/types';
import { strongestLock } from '../observe/lock-modes.js';
import type { RelationRef } from '../observe/relation-changes.js';
import type { RelationKind } from '../observe/relation-state.js';
import { clauseAt } from '../rules/migration/clause-text.js';
import { isNotNullConjunction } from '../sql/expression.js';
import { quoteIdent } from '../sql/quote.js';
import type { Statement } from '../sql/statement.js';
import { collect } from '../sql/walk.js';
import { alterTableLock } from './alter-table-locks.js';
import { columnFill, isBareNotNull } from './column-default.js';
import { notValidForeignKeyRefusal, notValidForeignKeyTarget } from './partitioned-foreign-key.js';
import {
  assumedExisting,
  columnDeclared,
  effects,
  kindOf,
  lock,
  merge,
  type Prediction,
  type PredictionInput,
  resolve,
  scanOf,
  tableLock,
} from './prediction.js';
import type { KnownCheck } from './static-catalog.js';
import { refusal } from './transaction-refusal.js';

/** SQLSTATE 23502: the rows already in the table have no value for a new NOT NULL column. */
const NOT_NULL_VIOLATION = '23502';

/** The ALTER TABLE being predicted: its table, resolved, and whether this migration created it. */
interface Target {
  readonly input: PredictionInput;
  readonly statement: Statement;
  readonly table: string;
  readonly relname: string;
  /** Created earlier in this migration: no rows yet, nothing to scan or rewrite that matters. */
  readonly fresh: boolean;
}

function names(nodes: Constraint['keys']): string[] {
  return (nodes ?? []).flatMap((node) => ('String' in node ? [node.String.sval ?? ''] : []));
}

/** The name PostgreSQL gives an unnamed CHECK (ChooseConstraintName: table_column_check). */
function checkName(target: Target, constraint: Constraint, column?: string): string {
  if (constraint.conname) return constraint.conname;
  const first = collect(constraint.raw_expr, 'ColumnRef')[0]?.fields?.at(-1);
  const col = column ?? (first && 'String' in first ? first.String.sval : undefined);
  return col ? `${target.relname}_${col}_check` : `${target.relname}_check`;
}

function indexName(target: Target, constraint: Constraint, column?: string): string {
  if (constraint.conname) return constraint.conname;
  if (constraint.contype === 'CONSTR_PRIMARY') return `${target.relname}_pkey`;
  const keys = column ? [column] : names(constraint.keys);
  return `${target.relname}_${keys.join('_')}_${constraint.contype === 'CONSTR_EXCLUSION' ? 'excl' : 'key'}`;
}

function checkExpression(target: Target, constraint: Constraint): string {
  const text = clauseAt(target.statement, constraint.location ?? 0);
  return /\bcheck\s*\(([\s\S]*)\)/i.exec(text)?.[1] ?? '';
}

/** A constraint added by ADD CONSTRAINT or on an added column: the scan, the index, the CHECK it records. */
function constraintAdded(target: Target, constraint: Constraint, column?: ColumnDef): Partial<Prediction> {
  const { input, table } = target;
  const colname = column?.colname;
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN': {
      const referenced = constraint.pktable ? resolve(input, constraint.pktable) : table;
      // A column added without a default is all NULL: PostgreSQL has nothing to check.
      const empty = column !== undefined && columnFill(column).kind === 'none';
      const checks = !constraint.skip_validation && !empty;
      return {
        locks: [tableLock(input, referenced, 'ShareRowExclusiveLock')],
        activity: checks ? [scanOf(table), ...(referenced === table ? [] : [scanOf(referenced)])] : [],
      };
    }
    case 'CONSTR_CHECK': {
      const check: KnownCheck = {
        table,
        name: checkName(target, constraint, colname),
        expression: checkExpression(target, constraint),
        validated: !constraint.skip_validation,
      };
      return {
        activity: constraint.skip_validation ? [] : [scanOf(table)],
        effects: effects({ checksAdded: [check] }),
      };
    }
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION': {
      if (constraint.indexname) return {};
      const schema = table.slice(0, table.lastIndexOf('.'));
      const index = `${schema}.${quoteIdent(indexName(target, constraint, colname))}`;
      const kind: RelationKind =
        input.catalog.relations.get(table)?.kind === 'partitioned-table' ? 'partitioned-index' : 'index';
      return {
        locks: [lock(index, kind, 'AccessExclusiveLock')],
        activity: [scanOf(table)],
        effects: effects({ created: [{ relation: index, kind, table }] }),
      };
    }
    default:
      return {};
  }
}

function columnConstraints(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).flatMap((c) => ('Constraint' in c && c.Constraint ? [c.Constraint] : []));
}

function addColumn(target: Target, def: ColumnDef): Partial<Prediction> {
  const { input, table } = target;
  const fill = columnFill(def);
  const column = quoteIdent(def.colname ?? '');
  const constraints = merge(...columnConstraints(def).map((c) => constraintAdded(target, c, def)));
  if (!target.fresh && isBareNotNull(def, fill))
    return {
      refusal: refusal(
        `column "${def.colname}" of relation "${target.relname}" contains null values`,
        NOT_NULL_VIOLATION,
      ),
      assumptions: [`${table} has rows, as a table in production does`],
    };
  const early = input.serverVersion < 110000 && fill.kind !== 'none';
  const rewrites = fill.kind === 'per-row' || fill.kind === 'function' || early;
  const used = effects({ columns: [columnDeclared(table, def)] });
  return {
    ...constraints,
    effects: merge(constraints, { effects: used }).effects,
    rewritten: rewrites ? rewriteOf(target) : [],
    assumptions:
      fill.kind === 'function' && !early
        ? [`the default of ${column} is volatile, so PostgreSQL rewrites ${table} (only pg_proc says)`]
        : [],
  };
}

/** A rewrite copies the table and rebuilds its indexes: those the files created are named. */
function rewriteOf(target: Target): RelationRef[] {
  const indexes = [...target.input.catalog.relations]
    .filter(([, known]) => known.table === target.table)
    .map(([relation, known]): RelationRef => ({ relation, kind: known.kind }));
  return [{ relation: target.table, kind: 'table' }, ...indexes];
}

function provenNotNull(target: Target, column: string): boolean {
  if (target.input.serverVersion < 120000) return false;
  return target.input.catalog.checks.some(
    (check) =>
      check.table === target.table && check.validated && isNotNullConjunction(check.expression, [column]),
  );
}

/**
 * SET NOT NULL scans for NULLs unless the column already is NOT NULL (PostgreSQL then does
 * nothing) or, on 12+, a validated CHECK (col IS NOT NULL) proves it: both as the files read say.
 */
function setNotNull(target: Target, name: string): Partial<Prediction> {
  const { table } = target;
  const set = { effects: effects({ columns: [{ table, column: name, notNull: true }] }) };
  const known = target.input.catalog.columns.get(table)?.get(name);
  if (known?.notNull || provenNotNull(target, name)) return set;
  const column = quoteIdent(name);
  return {
    ...set,
    activity: [scanOf(table)],
    assumptions:
      target.input.serverVersion < 120000 || known
        ? []
        : [`SET NOT NULL scans ${table} (no validated CHECK (${column} IS NOT NULL) in the files read)`],
  };
}

function partitionCmd(target: Target, cmd: AlterTableCmd): Partial<Prediction> {
  const def = cmd.def && 'PartitionCmd' in cmd.def ? cmd.def.PartitionCmd : undefined;
  if (!def?.name) return {};
  const partition = resolve(target.input, def.name);
  if (cmd.subtype === 'AT_AttachPartition')
    return {
      locks: [tableLock(target.input, partition, 'AccessExclusiveLock')],
      activity: [scanOf(partition)],
      assumptions: [`ATTACH PARTITION scans ${partition} (no CHECK matching the bound in the files read)`],
    };
  const concurrent = def.concurrent === true;
  return {
    locks: [
      tableLock(target.input, partition, concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock'),
    ],
    ...(concurrent && { autocommit: true }),
  };
}

function subcommand(target: Target, cmd: AlterTableCmd): Partial<Prediction> {
  const { table } = target;
  const def = cmd.def;
  const column = quoteIdent(cmd.name ?? '');
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return def && 'ColumnDef' in def ? addColumn(target, def.ColumnDef) : {};
    case 'AT_AddConstraint':
      return def && 'Constraint' in def ? constraintAdded(target, def.Constraint) : {};
    case 'AT_AlterColumnType':
      return {
        rewritten: rewriteOf(target),
        assumptions: [`ALTER COLUMN ${column} TYPE rewrites ${table} (a binary-coercible change would not)`],
      };
    case 'AT_SetNotNull':
      return setNotNull(target, cmd.name ?? '');
    case 'AT_DropNotNull':
      return { effects: effects({ columns: [{ table, column: cmd.name ?? '', notNull: false }] }) };
    case 'AT_ValidateConstraint':
      return {
        activity: [scanOf(table)],
        effects: effects({ validated: [{ table, name: cmd.name ?? '' }] }),
      };
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
    case 'AT_SetTableSpace':
      return { rewritten: rewriteOf(target) };
    case 'AT_AttachPartition':
    case 'AT_DetachPartition':
      return partitionCmd(target, cmd);
    default:
      return {};
  }
}

const OBJECT_KINDS: Readonly<Record<string, RelationKind>> = {
  OBJECT_INDEX: 'index',
  OBJECT_MATVIEW: 'matview',
  OBJECT_VIEW: 'view',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_FOREIGN_TABLE: 'foreign-table',
};

export function predictAlterTable(
  input: PredictionInput,
  statement: Statement,
  stmt: AlterTableStmt,
): Prediction {
  if (!stmt.relation?.relname) return merge();
  const table = resolve(input, stmt.relation);
  const cmds = (stmt.cmds ?? []).flatMap((cmd) => ('AlterTableCmd' in cmd ? [cmd.AlterTableCmd] : []));
  const mode =
    strongestLock(cmds.map((cmd) => alterTableLock(cmd, input.serverVersion))) ?? 'AccessExclusiveLock';
  const other = OBJECT_KINDS[stmt.objtype ?? ''];
  if (other) return merge({ locks: [lock(table, other, mode)] });
  if (kindOf(input, table) === 'partitioned-table' && notValidForeignKeyTarget(stmt, input.serverVersion)) {
    const refused = notValidForeignKeyRefusal(stmt);
    if (refused) return merge({ refusal: refused });
  }
  const target: Target = {
    input,
    statement,
    table,
    relname: stmt.relation.relname,
    fresh: input.createdHere.has(table),
  };
  const parts = cmds.map((cmd) => subcommand(target, cmd));
  return merge(
    {
      locks: [tableLock(input, table, mode)],
      assumptions: target.fresh ? [] : assumedExisting(input, table),
    },
    ...parts,
  );
}

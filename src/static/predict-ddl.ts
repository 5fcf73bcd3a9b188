import type {
  AlterDomainStmt,
  Constraint,
  CreateStmt,
  DropStmt,
  IndexStmt,
  Node,
  RangeVar,
  RenameStmt,
} from '@pgsql/types';
import { LOCK_MODES, type LockMode } from '../observe/lock-modes.js';
import type { RelationKind } from '../observe/relation-state.js';
import { quoteIdent } from '../sql/quote.js';
import { findWrapped } from './find-wrapped.js';
import { readsOf } from './predict-dml.js';
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
import { writtenFromParts } from './relation-name.js';
import { refusal } from './transaction-refusal.js';

/** SQLSTATE 0A000: PostgreSQL has no such form. */
const FEATURE_NOT_SUPPORTED = '0A000';

function schemaOf(relation: string): string {
  return relation.slice(0, relation.lastIndexOf('.'));
}

/** The table an index is on, or a stand-in naming it when no file read created the index. */
function tableOfIndex(input: PredictionInput, index: string): string {
  return input.catalog.relations.get(index)?.table ?? `the table of ${index}`;
}

/** ChooseIndexName's pattern: table_col1_col2_idx, "expr" for an expression. */
function defaultIndexName(relname: string, stmt: IndexStmt): string {
  const columns = (stmt.indexParams ?? []).map((p) =>
    'IndexElem' in p ? (p.IndexElem.name ?? 'expr') : 'expr',
  );
  return `${relname}_${columns.join('_')}_idx`;
}

export function predictCreateIndex(input: PredictionInput, stmt: IndexStmt): Prediction {
  if (!stmt.relation?.relname) return merge();
  const table = resolve(input, stmt.relation);
  const index = `${schemaOf(table)}.${quoteIdent(stmt.idxname ?? defaultIndexName(stmt.relation.relname, stmt))}`;
  const kind: RelationKind = kindOf(input, table) === 'partitioned-table' ? 'partitioned-index' : 'index';
  // DefineIndex: a partitioned table has no CONCURRENTLY form (0A000, feature_not_supported).
  if (stmt.concurrent && kind === 'partitioned-index')
    return merge({
      refusal: refusal(
        `cannot create index on partitioned table "${stmt.relation.relname}" concurrently`,
        FEATURE_NOT_SUPPORTED,
      ),
    });
  // ON ONLY a partitioned table: an invalid index on the parent alone, which has no rows; no partition is indexed.
  const reads = kind === 'partitioned-index' && stmt.relation.inh !== true ? [] : [scanOf(table)];
  return merge({
    locks: [
      tableLock(input, table, stmt.concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock'),
      lock(index, kind, 'AccessExclusiveLock'),
    ],
    activity: reads,
    effects: effects({ created: [{ relation: index, kind, table }] }),
    autocommit: stmt.concurrent === true,
    assumptions: assumedExisting(input, table),
  });
}

/** Table constraints and column constraints, without walking column types and defaults. */
function constraintsIn(stmt: CreateStmt): Constraint[] {
  return [...(stmt.tableElts ?? []), ...(stmt.constraints ?? [])].flatMap((element): Constraint[] => {
    if ('Constraint' in element) return [element.Constraint];
    if (!('ColumnDef' in element)) return [];
    return (element.ColumnDef.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
  });
}

export function predictCreateTable(input: PredictionInput, stmt: CreateStmt): Prediction {
  if (!stmt.relation?.relname) return merge();
  const table = resolve(input, stmt.relation);
  const kind: RelationKind = stmt.partspec ? 'partitioned-table' : 'table';
  const constraints = constraintsIn(stmt);
  const referenced = constraints.flatMap((c) =>
    c.contype === 'CONSTR_FOREIGN' && c.pktable ? [resolve(input, c.pktable)] : [],
  );
  const parent = stmt.partbound ? findWrapped(stmt.inhRelations, 'RangeVar')[0] : undefined;
  const parentName = parent ? resolve(input, parent) : undefined;
  const primaryKey = new Set(
    constraints.flatMap((c) =>
      c.contype === 'CONSTR_PRIMARY'
        ? (c.keys ?? []).flatMap((k) => ('String' in k ? [k.String.sval ?? ''] : []))
        : [],
    ),
  );
  const indexes = constraints.flatMap((c) => {
    if (c.contype !== 'CONSTR_PRIMARY' && c.contype !== 'CONSTR_UNIQUE') return [];
    const name = c.conname ?? (c.contype === 'CONSTR_PRIMARY' ? `${stmt.relation?.relname}_pkey` : undefined);
    return name
      ? [{ relation: `${schemaOf(table)}.${quoteIdent(name)}`, kind: 'index' as const, table }]
      : [];
  });
  return merge({
    locks: [
      lock(table, kind, 'AccessExclusiveLock'),
      ...referenced.filter((r) => r !== table).map((r) => tableLock(input, r, 'ShareRowExclusiveLock')),
      // CREATE TABLE ... PARTITION OF locks the parent as ATTACH PARTITION did before PostgreSQL 12.
      ...(parentName ? [tableLock(input, parentName, 'AccessExclusiveLock')] : []),
    ],
    effects: effects({
      created: [{ relation: table, kind }, ...indexes],
      columns: (stmt.tableElts ?? []).flatMap((e) =>
        'ColumnDef' in e
          ? [columnDeclared(table, e.ColumnDef, primaryKey.has(e.ColumnDef.colname ?? ''))]
          : [],
      ),
    }),
  });
}

/** CREATE VIEW, CREATE MATERIALIZED VIEW, CREATE TABLE AS: a new relation from a query. */
export function predictCreateFromQuery(
  input: PredictionInput,
  into: RangeVar | undefined,
  query: Node | undefined,
  kind: RelationKind,
): Prediction {
  if (!into?.relname) return merge();
  const relation = resolve(input, into);
  const reads = readsOf(input, query);
  return merge({
    locks: [
      lock(relation, kind, 'AccessExclusiveLock'),
      ...reads.map((r) => tableLock(input, r, 'AccessShareLock')),
    ],
    // A view only stores its query; the others run it.
    activity: kind === 'view' ? [] : reads.map(scanOf),
    effects: effects({ created: [{ relation, kind }] }),
  });
}

const DROPPED_KINDS: Readonly<Record<string, RelationKind>> = {
  OBJECT_TABLE: 'table',
  OBJECT_INDEX: 'index',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'matview',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_FOREIGN_TABLE: 'foreign-table',
};

function objectParts(object: Node): string[] {
  const items = 'List' in object ? (object.List.items ?? []) : [object];
  return items.flatMap((item) => ('String' in item ? [item.String.sval ?? ''] : []));
}

export function predictDrop(input: PredictionInput, stmt: DropStmt): Prediction {
  const objects = (stmt.objects ?? []).map(objectParts);
  if (stmt.removeType === 'OBJECT_TRIGGER') {
    const tables = objects.map((parts) => resolve(input, writtenFromParts(parts.slice(0, -1))));
    return merge({ locks: tables.map((t) => tableLock(input, t, 'AccessExclusiveLock')) });
  }
  const fallback = DROPPED_KINDS[stmt.removeType ?? ''];
  if (!fallback) return merge();
  const names = objects.map((parts) => resolve(input, writtenFromParts(parts)));
  const dropped = names.map((relation) => ({ relation, kind: kindOf(input, relation, fallback) }));
  if (fallback !== 'index')
    return merge({
      locks: dropped.map((d) => lock(d.relation, d.kind, 'AccessExclusiveLock')),
      dropped,
      effects: effects({ dropped: names }),
    });
  const mode: LockMode = stmt.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
  return merge({
    locks: dropped.flatMap((d) => [
      tableLock(input, tableOfIndex(input, d.relation), mode),
      lock(d.relation, d.kind, mode),
    ]),
    dropped,
    effects: effects({ dropped: names }),
    autocommit: stmt.concurrent === true,
  });
}

const RENAMED_KINDS: Readonly<Record<string, RelationKind>> = {
  OBJECT_TABLE: 'table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'matview',
  OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence',
};

export function predictRename(input: PredictionInput, stmt: RenameStmt): Prediction {
  if (!stmt.relation?.relname) return merge();
  const relation = resolve(input, stmt.relation);
  const renamedKind = RENAMED_KINDS[stmt.renameType ?? ''];
  if (!renamedKind || !stmt.newname)
    // RENAME COLUMN, RENAME CONSTRAINT: ACCESS EXCLUSIVE on the table.
    return merge({
      locks: [tableLock(input, relation, 'AccessExclusiveLock')],
      assumptions: assumedExisting(input, relation),
    });
  const to = `${schemaOf(relation)}.${quoteIdent(stmt.newname)}`;
  return merge({
    locks: [lock(to, kindOf(input, relation, renamedKind), 'AccessExclusiveLock')],
    effects: effects({ renamed: { from: relation, to } }),
    assumptions: assumedExisting(input, relation),
  });
}

/** LOCK TABLE's mode number is LOCKMODE: 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE). */
export function lockModeNumbered(mode: number | undefined): LockMode {
  return LOCK_MODES[(mode ?? 8) - 1] ?? 'AccessExclusiveLock';
}

/** ALTER DOMAIN ... ADD CONSTRAINT (validated) or SET NOT NULL: SHARE on, and a scan of, each table using it. */
export function predictAlterDomain(input: PredictionInput, stmt: AlterDomainStmt): Prediction {
  const last = stmt.typeName?.at(-1);
  const domain = last && 'String' in last ? (last.String.sval ?? '').toLowerCase() : '';
  const def = stmt.def && 'Constraint' in stmt.def ? stmt.def.Constraint : undefined;
  const checks =
    (stmt.subtype === 'C' && def !== undefined && !def.skip_validation) ||
    // AlterDomainStmt.subtype (gram.y): O is SET NOT NULL, which reads the columns; N is DROP NOT NULL, which does not.
    stmt.subtype === 'O' ||
    stmt.subtype === 'V';
  if (!checks) return merge();
  const tables = [...input.catalog.columns]
    .filter(([, columns]) => [...columns.values()].some((column) => column.type === domain))
    .map(([table]) => table);
  return merge({ locks: tables.map((t) => tableLock(input, t, 'ShareLock')), activity: tables.map(scanOf) });
}

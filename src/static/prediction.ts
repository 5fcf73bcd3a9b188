import type { ColumnDef } from '@pgsql/types';
import type { LockMode } from '../observe/lock-modes.js';
import type { LockTaken, StatementFailure } from '../observe/observation.js';
import type { RelationRef } from '../observe/relation-changes.js';
import type { RelationKind } from '../observe/relation-state.js';
import type { TableActivity } from '../observe/table-activity.js';
import { qualify, type WrittenName } from './relation-name.js';
import { type CatalogEffects, type ColumnChange, NO_EFFECTS, type StaticCatalog } from './static-catalog.js';

/** What static mode predicts one statement does, from its parse tree and the files read before it. */
export interface Prediction {
  readonly locks: readonly LockTaken[];
  readonly rewritten: readonly RelationRef[];
  readonly dropped: readonly RelationRef[];
  readonly activity: readonly TableActivity[];
  readonly effects: CatalogEffects;
  /** Conservative assumptions where only the catalog could tell: phrases that follow "static mode assumes". */
  readonly assumptions: readonly string[];
  /** PostgreSQL would refuse the statement, with this error. */
  readonly refusal?: StatementFailure['error'];
  /** The statement refuses to run in a transaction block: outside one, its locks cannot be read (as in semantic mode). */
  readonly autocommit?: boolean;
}

export const NOTHING: Prediction = {
  locks: [],
  rewritten: [],
  dropped: [],
  activity: [],
  effects: NO_EFFECTS,
  assumptions: [],
};

/** The catalog as the statement finds it, and the version its behaviour follows. */
export interface PredictionInput {
  readonly catalog: StaticCatalog;
  readonly serverVersion: number;
  /** Relations created earlier in this migration: they exist, and block nobody. */
  readonly createdHere: ReadonlySet<string>;
}

/** Schema-qualified, as the engine would resolve it. */
export function resolve(input: PredictionInput, name: WrittenName): string {
  return qualify(name, input.catalog.searchPath, (relation) => input.catalog.relations.has(relation));
}

export function kindOf(
  input: PredictionInput,
  relation: string,
  fallback: RelationKind = 'table',
): RelationKind {
  return input.catalog.relations.get(relation)?.kind ?? fallback;
}

export function lock(relation: string, kind: RelationKind, mode: LockMode): LockTaken {
  return { relation, kind, mode };
}

/** A table lock, with the table's kind when the files created it (a partitioned parent, a matview). */
export function tableLock(input: PredictionInput, relation: string, mode: LockMode): LockTaken {
  return lock(relation, kindOf(input, relation), mode);
}

const NO_ROWS = { seqScans: 0, rowsRead: 0, inserted: 0, updated: 0, deleted: 0 };

/** A full read of a table: every row, which static mode counts as one. */
export function scanOf(relation: string): TableActivity {
  return { relation, ...NO_ROWS, seqScans: 1, rowsRead: 1 };
}

export function rowsWritten(
  relation: string,
  change: Partial<Pick<TableActivity, 'inserted' | 'updated' | 'deleted'>>,
): TableActivity {
  return {
    relation,
    ...NO_ROWS,
    seqScans: change.inserted ? 0 : 1,
    rowsRead: change.inserted ? 0 : 1,
    ...change,
  };
}

/** A relation neither the schema files nor earlier statements created: assumed to exist, with rows and traffic. */
export function assumedExisting(input: PredictionInput, relation: string): string[] {
  return input.catalog.relations.has(relation)
    ? []
    : [`${relation} exists from before, with rows and traffic (no file read creates it)`];
}

export function merge(...parts: readonly Partial<Prediction>[]): Prediction {
  const all = <K extends 'locks' | 'rewritten' | 'dropped' | 'activity' | 'assumptions'>(key: K) =>
    parts.flatMap((part) => (part[key] ?? []) as Prediction[K][number][]);
  const effects = parts.map((p) => p.effects).filter((e): e is CatalogEffects => e !== undefined);
  const refusal = parts.find((p) => p.refusal)?.refusal;
  return {
    locks: all('locks'),
    rewritten: all('rewritten'),
    dropped: all('dropped'),
    activity: all('activity'),
    assumptions: [...new Set(all('assumptions'))],
    effects: effects.length <= 1 ? (effects[0] ?? NO_EFFECTS) : mergeEffects(effects),
    ...(refusal && { refusal }),
    ...(parts.some((p) => p.autocommit) && { autocommit: true }),
  };
}

function mergeEffects(effects: readonly CatalogEffects[]): CatalogEffects {
  const renamed = effects.find((e) => e.renamed)?.renamed;
  const searchPath = effects.find((e) => e.searchPath)?.searchPath;
  return {
    created: effects.flatMap((e) => e.created),
    dropped: effects.flatMap((e) => e.dropped),
    checksAdded: effects.flatMap((e) => e.checksAdded),
    validated: effects.flatMap((e) => e.validated),
    columns: effects.flatMap((e) => e.columns ?? []),
    ...(renamed && { renamed }),
    ...(searchPath && { searchPath }),
  };
}

/** The unqualified, lower-case name of a column's type, as ALTER DOMAIN names it. */
export function typeNameOf(def: ColumnDef): string {
  const last = def.typeName?.names?.at(-1);
  return last && 'String' in last ? (last.String?.sval ?? '').toLowerCase() : '';
}

/** A column as its definition declares it: NOT NULL by a constraint, PRIMARY KEY, or a serial type. */
export function columnDeclared(table: string, def: ColumnDef, inPrimaryKey = false): ColumnChange {
  const kinds = (def.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint.contype] : []));
  const type = typeNameOf(def);
  const notNull =
    inPrimaryKey ||
    kinds.includes('CONSTR_NOTNULL') ||
    kinds.includes('CONSTR_PRIMARY') ||
    type.endsWith('serial');
  return { table, column: def.colname ?? '', type, notNull };
}

export function effects(part: Partial<CatalogEffects>): CatalogEffects {
  return { ...NO_EFFECTS, ...part };
}

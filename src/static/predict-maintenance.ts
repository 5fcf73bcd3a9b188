import type {
  ClusterStmt,
  LockStmt,
  RefreshMatViewStmt,
  ReindexStmt,
  TruncateStmt,
  VacuumStmt,
} from '@pgsql/types';
import type { RelationRef } from '../observe/relation-changes.js';
import { findWrapped } from './find-wrapped.js';
import { lockModeNumbered } from './predict-ddl.js';
import {
  assumedExisting,
  lock,
  merge,
  type Prediction,
  type PredictionInput,
  resolve,
  tableLock,
} from './prediction.js';

/** The indexes the files created on a table, or one stand-in for them when they created none. */
function indexesOf(input: PredictionInput, table: string): RelationRef[] {
  const known = [...input.catalog.relations]
    .filter(([, relation]) => relation.table === table)
    .map(([relation]): RelationRef => ({ relation, kind: 'index' }));
  return known.length > 0 ? known : [{ relation: `the indexes of ${table}`, kind: 'index' }];
}

/**
 * REINDEX SCHEMA / DATABASE: every index of the schema's (the database's) tables, one table at a
 * time outside any transaction, so only the rebuilds can be told; the files' own indexes, or one
 * stand-in when they created none. REINDEX SYSTEM touches only the catalogs.
 */
function reindexMany(input: PredictionInput, stmt: ReindexStmt, concurrent: boolean): Prediction {
  const schema = stmt.kind === 'REINDEX_OBJECT_SCHEMA' ? stmt.name : undefined;
  if (
    concurrent ||
    stmt.kind === 'REINDEX_OBJECT_SYSTEM' ||
    (stmt.kind === 'REINDEX_OBJECT_SCHEMA' && !schema)
  )
    return merge({ autocommit: true });
  const scope = schema ? `schema ${schema}` : 'the database';
  const known = [...input.catalog.relations]
    .filter(([name, relation]) => relation.kind === 'index' && (!schema || name.startsWith(`${schema}.`)))
    .map(([relation]): RelationRef => ({ relation, kind: 'index' }));
  return merge({
    rewritten: known.length > 0 ? known : [{ relation: `every index of ${scope}`, kind: 'index' }],
    assumptions:
      known.length > 0 ? [] : [`${scope} has tables with indexes and rows (no file read creates them)`],
    autocommit: true,
  });
}

/** REINDEX: SHARE on the table, ACCESS EXCLUSIVE on each index it rebuilds; CONCURRENTLY: SHARE UPDATE EXCLUSIVE. */
export function predictReindex(input: PredictionInput, stmt: ReindexStmt): Prediction {
  const concurrent = (stmt.params ?? []).some((p) => 'DefElem' in p && p.DefElem?.defname === 'concurrently');
  if (!stmt.relation?.relname) return reindexMany(input, stmt, concurrent);
  const named = resolve(input, stmt.relation);
  const isIndex = stmt.kind === 'REINDEX_OBJECT_INDEX';
  const table = isIndex ? (input.catalog.relations.get(named)?.table ?? `the table of ${named}`) : named;
  const indexes: RelationRef[] = isIndex ? [{ relation: named, kind: 'index' }] : indexesOf(input, table);
  if (concurrent)
    return merge({ locks: [tableLock(input, table, 'ShareUpdateExclusiveLock')], autocommit: true });
  return merge({
    locks: [
      tableLock(input, table, 'ShareLock'),
      ...indexes.map((i) => lock(i.relation, 'index', 'AccessExclusiveLock')),
    ],
    rewritten: indexes,
    assumptions: assumedExisting(input, named),
  });
}

export function predictRefresh(input: PredictionInput, stmt: RefreshMatViewStmt): Prediction {
  if (!stmt.relation?.relname) return merge();
  const view = resolve(input, stmt.relation);
  return merge({
    locks: [lock(view, 'matview', stmt.concurrent ? 'ExclusiveLock' : 'AccessExclusiveLock')],
    rewritten: stmt.concurrent ? [] : [{ relation: view, kind: 'matview' }],
  });
}

/** VACUUM FULL copies each table under ACCESS EXCLUSIVE; plain VACUUM and ANALYZE take SHARE UPDATE EXCLUSIVE. */
export function predictVacuum(input: PredictionInput, stmt: VacuumStmt): Prediction {
  const full = (stmt.options ?? []).some((o) => 'DefElem' in o && o.DefElem?.defname === 'full');
  const tables = (stmt.rels ?? [])
    .flatMap((r) => ('VacuumRelation' in r && r.VacuumRelation.relation ? [r.VacuumRelation.relation] : []))
    .map((r) => resolve(input, r));
  return merge({
    locks: tables.map((t) => tableLock(input, t, full ? 'AccessExclusiveLock' : 'ShareUpdateExclusiveLock')),
    rewritten: full ? tables.map((t) => ({ relation: t, kind: 'table' as const })) : [],
    autocommit: stmt.is_vacuumcmd === true,
  });
}

export function predictCluster(input: PredictionInput, stmt: ClusterStmt): Prediction {
  if (!stmt.relation?.relname) return merge({ autocommit: true });
  const table = resolve(input, stmt.relation);
  return merge({
    locks: [tableLock(input, table, 'AccessExclusiveLock')],
    rewritten: [{ relation: table, kind: 'table' }],
  });
}

export function predictTruncate(input: PredictionInput, stmt: TruncateStmt): Prediction {
  const tables = findWrapped(stmt.relations, 'RangeVar').map((r) => resolve(input, r));
  return merge({
    locks: tables.map((t) => tableLock(input, t, 'AccessExclusiveLock')),
    rewritten: tables.map((t) => ({ relation: t, kind: 'table' as const })),
  });
}

export function predictLock(input: PredictionInput, stmt: LockStmt): Prediction {
  const mode = lockModeNumbered(stmt.mode);
  return merge({
    locks: findWrapped(stmt.relations, 'RangeVar').map((r) => tableLock(input, resolve(input, r), mode)),
  });
}

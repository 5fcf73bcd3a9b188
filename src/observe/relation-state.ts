import { isUserSchema, oidNumber, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';

/** pg_class.relkind values that have an identity worth following across a statement. */
export type RelationKind =
  | 'table'
  | 'partitioned-table'
  | 'index'
  | 'partitioned-index'
  | 'sequence'
  | 'matview'
  | 'view'
  | 'foreign-table';

/** pg_class.relkind → RelationKind. */
export const RELATION_KINDS: Readonly<Record<string, RelationKind>> = {
  r: 'table',
  p: 'partitioned-table',
  i: 'index',
  I: 'partitioned-index',
  S: 'sequence',
  m: 'matview',
  v: 'view',
  f: 'foreign-table',
};

export interface ObservedRelation {
  readonly oid: number;
  /** Schema-qualified, quoted as quote_ident would. */
  readonly name: string;
  readonly kind: RelationKind;
  /**
   * The file the rows live in, from pg_relation_filenode() (pg_class.relfilenode is 0 for mapped catalogs).
   * Undefined for relations without storage (views, partitioned tables and indexes).
   */
  readonly filenode?: number;
}

/** Every user relation at one moment, by oid. Toast tables are left out: a rewrite shows on their table. */
export interface RelationState {
  readonly relations: ReadonlyMap<number, ObservedRelation>;
}

interface RelationRow {
  readonly oid: number;
  readonly name: string;
  readonly relkind: string;
  readonly filenode: number | null;
}

const relationsSql = `
SELECT ${oidNumber('c.oid')} AS oid, ${qualifiedName('n.nspname', 'c.relname')} AS name, c.relkind::text AS relkind,
  ${oidNumber('pg_catalog.pg_relation_filenode(c.oid)')} AS filenode
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN (${Object.keys(RELATION_KINDS)
  .map((k) => `'${k}'`)
  .join(', ')}) AND ${isUserSchema('n.nspname')}`;

export async function readRelationState(engine: Engine): Promise<RelationState> {
  const { rows } = await engine.query<RelationRow>(relationsSql);
  const relations = new Map<number, ObservedRelation>();
  for (const row of rows) {
    const kind = RELATION_KINDS[row.relkind];
    if (!kind) continue;
    const base = { oid: row.oid, name: row.name, kind };
    relations.set(row.oid, row.filenode === null ? base : { ...base, filenode: row.filenode });
  }
  return { relations };
}

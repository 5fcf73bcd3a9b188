import { isUserSchema, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';
import type { LockTaken } from '../observe/observation.js';
import { RELATION_KINDS } from '../observe/relation-state.js';
import type { Statement } from '../sql/statement.js';
import { predictStatement } from '../static/predict-statement.js';
import type { KnownRelation, StaticCatalog } from '../static/static-catalog.js';
import { outsideTransactionOnly } from '../static/transaction-refusal.js';

const relationsSql = `
SELECT ${qualifiedName('n.nspname', 'c.relname')} AS name, c.relkind::text AS relkind,
  ${qualifiedName('tn.nspname', 't.relname')} AS "table"
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid
LEFT JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
WHERE ${isUserSchema('n.nspname')}`;

/** The relations as the engine has them now, in the shape the static predictor reads (names, kinds, an index's table). */
async function liveCatalog(engine: Engine): Promise<StaticCatalog> {
  const { rows } = await engine.query<{ name: string; relkind: string; table: string | null }>(relationsSql);
  const relations = new Map<string, KnownRelation>();
  for (const row of rows) {
    const kind = RELATION_KINDS[row.relkind];
    if (kind) relations.set(row.name, row.table === null ? { kind } : { kind, table: row.table });
  }
  const path = await engine.query<{ schema: string }>('SELECT unnest(current_schemas(false)) AS schema');
  return { relations, checks: [], columns: new Map(), searchPath: path.rows.map((row) => row.schema) };
}

/**
 * The locks a statement that refuses a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...)
 * holds while it runs. It runs bare, so pg_locks can no longer show them once it is done: they come
 * from its kind, through the lock tables of static mode, resolved against the catalog before it
 * runs. Undefined for a statement that can run in a transaction, whose locks are observed.
 */
export async function locksWhileRunning(
  engine: Engine,
  statement: Statement,
): Promise<readonly LockTaken[] | undefined> {
  if (!outsideTransactionOnly(statement.node, engine.serverVersion)) return undefined;
  const catalog = await liveCatalog(engine);
  const input = { catalog, serverVersion: engine.serverVersion, createdHere: new Set<string>() };
  return predictStatement(input, statement, false).locks;
}

import type { Engine } from '../../engine/engine.js';
import { isUserSchema, notFromExtension } from './sql-fragments.js';

const schemasSql = `
SELECT n.nspname::text AS name
FROM pg_catalog.pg_namespace n
WHERE ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_namespace', 'n.oid')}
ORDER BY n.nspname`;

/** User schemas, public included. */
export async function readSchemas(engine: Engine): Promise<readonly string[]> {
  const { rows } = await engine.query<{ name: string }>(schemasSql);
  return rows.map((row) => row.name);
}

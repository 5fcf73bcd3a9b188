import type { Engine } from '../../engine/engine.js';
import type { Extension } from '../model.js';

const extensionsSql = `
SELECT e.extname::text AS name, e.extversion::text AS version, n.nspname::text AS schema
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
ORDER BY e.extname`;

/** Installed extensions (plpgsql included: it is one on every engine). */
export async function readExtensions(engine: Engine): Promise<readonly Extension[]> {
  const { rows } = await engine.query<Extension>(extensionsSql);
  return rows.map((row) => ({ name: row.name, version: row.version, schema: row.schema }));
}

import { isUserSchema } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';

/**
 * Empties the database in place: every user schema and extension dropped, public created again.
 * Works alike on PGlite and on a scratch database, with no new connection. Roles are cluster-wide
 * and stay: verify drops those the migrations created itself (created-roles.ts).
 */
export async function resetDatabase(engine: Engine): Promise<void> {
  await engine.exec(`DO $pgvigil$
DECLARE
  name text;
BEGIN
  FOR name IN SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE ${isUserSchema('n.nspname')} LOOP
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', name);
  END LOOP;
  FOR name IN SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', name);
  END LOOP;
  CREATE SCHEMA public;
END
$pgvigil$`);
}

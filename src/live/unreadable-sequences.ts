import { isUserSchema, qualifiedName } from '../catalog/read/sql-fragments.js';
import type { Engine } from '../engine/engine.js';

/**
 * Sequences whose last value this role may not read: pg_sequences shows NULL for them, which the
 * catalog cannot tell from "never used", so health says it could not judge them.
 */
export async function readUnreadableSequences(engine: Engine): Promise<readonly string[]> {
  const { rows } = await engine.query<{ readonly name: string }>(`
SELECT ${qualifiedName('n.nspname', 'c.relname')} AS name
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S' AND ${isUserSchema('n.nspname')}
  -- In CASE: the planner may otherwise call it on non-sequences, which raises an error.
  AND CASE WHEN c.relkind = 'S' THEN NOT pg_catalog.has_sequence_privilege(c.oid, 'SELECT, USAGE') END
ORDER BY 1 LIMIT 100`);
  return rows.map((r) => r.name);
}

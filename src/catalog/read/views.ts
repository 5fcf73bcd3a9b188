import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { View } from '../model.js';
import { relationName } from './relation-name.js';
import { isUserSchema, notFromExtension, qualifiedName } from './sql-fragments.js';

interface ViewRow {
  readonly schema: string;
  readonly name: string;
  readonly qualified: string;
  readonly materialized: boolean;
  readonly definition: string;
  readonly comment: string | null;
}

const viewsSql = `
SELECT n.nspname::text AS schema, c.relname::text AS name, ${qualifiedName('n.nspname', 'c.relname')} AS qualified,
  c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

/** Views and materialized views with their deparsed definitions. */
export async function readViews(engine: Engine): Promise<readonly View[]> {
  const { rows } = await engine.query<ViewRow>(viewsSql);
  return rows.map((row) =>
    withoutAbsent<View>({
      ...relationName({ ...row }),
      materialized: row.materialized,
      definition: row.definition,
      comment: row.comment,
    }),
  );
}

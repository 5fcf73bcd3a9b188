import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { EnumType } from '../model.js';
import { isUserSchema, notFromExtension } from './sql-fragments.js';

interface EnumRow {
  readonly schema: string;
  readonly name: string;
  readonly labels: readonly string[];
  readonly comment: string | null;
}

const enumsSql = `
SELECT n.nspname::text AS schema, t.typname::text AS name,
  (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder)::text[]
    FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels,
  pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

/** Enum types with their labels in sort order. */
export async function readEnums(engine: Engine): Promise<readonly EnumType[]> {
  const { rows } = await engine.query<EnumRow>(enumsSql);
  return rows.map((row) =>
    withoutAbsent<EnumType>({
      schema: row.schema,
      name: row.name,
      labels: row.labels ?? [],
      comment: row.comment,
    }),
  );
}

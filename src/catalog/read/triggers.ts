import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Trigger } from '../model.js';
import { relationName } from './relation-name.js';
import { isUserSchema, notFromExtension, qualifiedName } from './sql-fragments.js';

interface TriggerRow {
  readonly schema: string;
  readonly name: string;
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_qualified: string;
  readonly definition: string;
  readonly enabled: boolean;
  readonly comment: string | null;
}

// Internal triggers implement foreign keys and deferred uniqueness; the user never wrote them.
const triggersSql = `
SELECT n.nspname::text AS schema, tg.tgname::text AS name,
  n.nspname::text AS table_schema, c.relname::text AS table_name,
  ${qualifiedName('n.nspname', 'c.relname')} AS table_qualified,
  pg_catalog.pg_get_triggerdef(tg.oid) AS definition,
  tg.tgenabled <> 'D' AS enabled,
  pg_catalog.obj_description(tg.oid, 'pg_trigger') AS comment
FROM pg_catalog.pg_trigger tg
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal AND ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname, tg.tgname`;

/** User-defined triggers on tables and views. */
export async function readTriggers(engine: Engine): Promise<readonly Trigger[]> {
  const { rows } = await engine.query<TriggerRow>(triggersSql);
  return rows.map((row) =>
    withoutAbsent<Trigger>({
      schema: row.schema,
      name: row.name,
      table: relationName({ ...row }, 'table_'),
      definition: row.definition,
      enabled: row.enabled,
      comment: row.comment,
    }),
  );
}

import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Policy, PolicyCommand } from '../model.js';
import { relationName } from './relation-name.js';
import { isUserSchema, notFromExtension, qualifiedName } from './sql-fragments.js';

interface PolicyRow {
  readonly schema: string;
  readonly name: string;
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_qualified: string;
  readonly command: string;
  readonly permissive: boolean;
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly with_check: string | null;
}

// Role oid 0 is PUBLIC; roles are sorted by name so the order does not depend on role oids,
// which differ from one cluster to the next.
const policiesSql = `
SELECT n.nspname::text AS schema, pol.polname::text AS name,
  n.nspname::text AS table_schema, c.relname::text AS table_name,
  ${qualifiedName('n.nspname', 'c.relname')} AS table_qualified,
  pol.polcmd::text AS command, pol.polpermissive AS permissive,
  (SELECT array_agg(CASE WHEN r.role = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.role)::text END
      ORDER BY 1)::text[]
    FROM unnest(pol.polroles) AS r(role)) AS roles,
  pg_catalog.pg_get_expr(pol.polqual, pol.polrelid) AS using,
  pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid) AS with_check
FROM pg_catalog.pg_policy pol
JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname, pol.polname`;

const commands: Readonly<Record<string, PolicyCommand>> = {
  '*': 'all',
  r: 'select',
  a: 'insert',
  w: 'update',
  d: 'delete',
};

/** Row level security policies on user tables. */
export async function readPolicies(engine: Engine): Promise<readonly Policy[]> {
  const { rows } = await engine.query<PolicyRow>(policiesSql);
  return rows.map((row) =>
    withoutAbsent<Policy>({
      schema: row.schema,
      name: row.name,
      table: relationName({ ...row }, 'table_'),
      command: commands[row.command] ?? 'all',
      permissive: row.permissive,
      roles: row.roles,
      using: row.using,
      withCheck: row.with_check,
    }),
  );
}

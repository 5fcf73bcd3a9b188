/**
 * SQL fragments every catalog query shares, so all readers agree on what "user object" means.
 * Every numeric is cast explicitly: node-postgres returns int8 as strings, PGlite may not.
 */

/** True for schemas the user owns: not system, toast or temporary schemas. */
export function isUserSchema(nspname: string): string {
  return `(${nspname} NOT IN ('pg_catalog', 'information_schema')
    AND ${nspname} NOT LIKE 'pg\\_toast%' AND ${nspname} NOT LIKE 'pg\\_temp\\_%')`;
}

/** True unless the object is a member of an extension (pg_depend deptype 'e'). */
export function notFromExtension(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep
    WHERE ext_dep.classid = '${catalog}'::regclass AND ext_dep.objid = ${oid} AND ext_dep.deptype = 'e')`;
}

/** Schema-qualified name quoted as needed, the same way Postgres quotes identifiers. */
export function qualifiedName(nspname: string, relname: string): string {
  return `(quote_ident(${nspname}) || '.' || quote_ident(${relname}))`;
}

/** A name that is qualified only when it lives outside pg_catalog (opclasses, collations). */
export function catalogObjectName(nspOid: string, name: string): string {
  return `(CASE WHEN ${nspOid} = 'pg_catalog'::regnamespace THEN ${name}::text
    ELSE ${nspOid}::regnamespace::text || '.' || ${name} END)`;
}

/** Oids are uint32: int4 would wrap, int8 comes back as a string from node-postgres. */
export function oidNumber(oid: string): string {
  return `${oid}::int8::float8`;
}

/**
 * The comment on an object, as a join: obj_description() and col_description() are function calls
 * per row, which on a schema of thousands of objects cost seconds.
 */
export function commentJoin(alias: string, catalog: string, oid: string, subid = '0'): string {
  return `LEFT JOIN pg_catalog.pg_description ${alias} ON ${alias}.objoid = ${oid}
    AND ${alias}.classoid = '${catalog}'::regclass AND ${alias}.objsubid = ${subid}`;
}

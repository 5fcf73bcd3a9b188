import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Constraint, ConstraintKind, ReferentialAction } from '../model.js';
import { relationName } from './relation-name.js';
import { commentJoin, isUserSchema, notFromExtension, oidNumber, qualifiedName } from './sql-fragments.js';

interface ConstraintRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_qualified: string;
  readonly contype: string;
  readonly columns: readonly string[];
  readonly validated: boolean;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly definition: string;
  readonly ref_schema: string | null;
  readonly ref_name: string | null;
  readonly ref_qualified: string | null;
  readonly ref_columns: readonly string[] | null;
  readonly on_delete: string;
  readonly on_update: string;
  readonly inherited: boolean;
  readonly comment: string | null;
}

function columnNames(relid: string, attnums: string): string {
  return `(SELECT array_agg(a.attname::text ORDER BY u.ord)::text[]
    FROM unnest(${attnums}) WITH ORDINALITY AS u(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relid} AND a.attnum = u.attnum)`;
}

// NOT NULL rows (contype 'n', Postgres 18+) are left out: nullability lives on Column.notNull.
// A foreign key that references a partitioned table gets one extra row per referenced partition,
// on the same table and with the same name; those are Postgres's bookkeeping, not the user's constraint.
const constraintsSql = `
SELECT ${oidNumber('con.oid')} AS oid,
  n.nspname::text AS schema, con.conname::text AS name,
  tn.nspname::text AS table_schema, c.relname::text AS table_name,
  ${qualifiedName('tn.nspname', 'c.relname')} AS table_qualified,
  con.contype::text AS contype,
  COALESCE(${columnNames('con.conrelid', 'con.conkey')}, '{}') AS columns,
  con.convalidated AS validated, con.condeferrable AS deferrable, con.condeferred AS deferred,
  pg_catalog.pg_get_constraintdef(con.oid) AS definition,
  rn.nspname::text AS ref_schema, rc.relname::text AS ref_name,
  CASE WHEN rc.oid IS NOT NULL THEN ${qualifiedName('rn.nspname', 'rc.relname')} END AS ref_qualified,
  ${columnNames('con.confrelid', 'con.confkey')} AS ref_columns,
  con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
  (con.conparentid <> 0 OR NOT con.conislocal) AS inherited,
  d.description AS comment
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
${commentJoin('d', 'pg_constraint', 'con.oid')}
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p')
  AND ${isUserSchema('tn.nspname')} AND ${notFromExtension('pg_class', 'c.oid')}
  AND NOT (con.contype = 'f' AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
    WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid))
ORDER BY tn.nspname, c.relname, con.conname`;

const kinds: Readonly<Record<string, ConstraintKind>> = {
  p: 'primary key',
  u: 'unique',
  f: 'foreign key',
  c: 'check',
  x: 'exclude',
};

const actions: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

function action(code: string): ReferentialAction {
  return actions[code] ?? 'no action';
}

/** PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK and EXCLUDE constraints on tables. */
export async function readConstraints(engine: Engine): Promise<readonly Constraint[]> {
  const { rows } = await engine.query<ConstraintRow>(constraintsSql);
  return rows.map((row) =>
    withoutAbsent<Constraint>({
      oid: row.oid,
      schema: row.schema,
      name: row.name,
      table: relationName({ ...row }, 'table_'),
      kind: kinds[row.contype] ?? 'check',
      columns: row.columns,
      validated: row.validated,
      deferrable: row.deferrable,
      initiallyDeferred: row.deferred,
      definition: row.definition,
      references:
        row.ref_name === null
          ? undefined
          : {
              table: relationName({ ...row }, 'ref_'),
              columns: row.ref_columns ?? [],
              onDelete: action(row.on_delete),
              onUpdate: action(row.on_update),
            },
      inherited: row.inherited,
      comment: row.comment,
    }),
  );
}

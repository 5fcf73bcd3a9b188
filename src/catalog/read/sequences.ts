import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { Sequence } from '../model.js';
import { relationName } from './relation-name.js';
import { commentJoin, isUserSchema, notFromExtension, qualifiedName } from './sql-fragments.js';

interface SequenceRow {
  readonly schema: string;
  readonly name: string;
  readonly qualified: string;
  readonly data_type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cycle: boolean;
  readonly cache: string;
  readonly last_value: string | null;
  readonly owner_schema: string | null;
  readonly owner_name: string | null;
  readonly owner_qualified: string | null;
  readonly owner_column: string | null;
  readonly comment: string | null;
}

// Owned-by is the auto ('a', serial / OWNED BY) or internal ('i', identity) dependency on a column.
const sequencesSql = `
SELECT s.schemaname::text AS schema, s.sequencename::text AS name,
  ${qualifiedName('s.schemaname', 's.sequencename')} AS qualified,
  s.data_type::text AS data_type,
  s.start_value::text AS start, s.increment_by::text AS increment,
  s.min_value::text AS min, s.max_value::text AS max,
  s.cycle AS cycle, s.cache_size::text AS cache, s.last_value::text AS last_value,
  own.schema AS owner_schema, own.name AS owner_name, own.qualified AS owner_qualified, own.col AS owner_column,
  d.description AS comment
FROM pg_catalog.pg_sequences s
JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
LEFT JOIN LATERAL (
  SELECT tn.nspname::text AS schema, t.relname::text AS name,
    ${qualifiedName('tn.nspname', 't.relname')} AS qualified, a.attname::text AS col
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
    AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
  LIMIT 1
) own ON true
${commentJoin('d', 'pg_class', 'c.oid')}
WHERE ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

/** Sequences, including those behind serial and identity columns. */
export async function readSequences(engine: Engine): Promise<readonly Sequence[]> {
  const { rows } = await engine.query<SequenceRow>(sequencesSql);
  return rows.map((row) => ({
    ...withoutAbsent<Omit<Sequence, 'lastValue'>>({
      ...relationName({ ...row }),
      dataType: row.data_type,
      start: row.start,
      increment: row.increment,
      min: row.min,
      max: row.max,
      cycle: row.cycle,
      cache: row.cache,
      ownedBy:
        row.owner_name === null
          ? undefined
          : { table: relationName({ ...row }, 'owner_'), column: String(row.owner_column) },
      comment: row.comment,
    }),
    // Present even when null: null means "nextval never called", not "unknown".
    lastValue: row.last_value,
  }));
}

import type { Engine } from '../../engine/engine.js';
import { withoutAbsent } from '../../util/without-absent.js';
import type { FunctionDef } from '../model.js';
import { isUserSchema, notFromExtension } from './sql-fragments.js';

interface FunctionRow {
  readonly schema: string;
  readonly name: string;
  readonly arguments: string;
  readonly returns: string | null;
  readonly language: string;
  readonly volatility: string;
  readonly definition_hash: string;
  readonly comment: string | null;
}

// Functions and procedures only: aggregates and window functions have no pg_get_functiondef.
const functionsSql = `
SELECT n.nspname::text AS schema, p.proname::text AS name,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
  pg_catalog.pg_get_function_result(p.oid) AS returns,
  l.lanname::text AS language,
  p.provolatile::text AS volatility,
  md5(pg_catalog.pg_get_functiondef(p.oid)) AS definition_hash,
  pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p') AND l.lanname <> 'internal'
  AND ${isUserSchema('n.nspname')} AND ${notFromExtension('pg_proc', 'p.oid')}
ORDER BY n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) COLLATE "C"`;

const volatilities = { i: 'immutable', s: 'stable', v: 'volatile' } as const;

/** User functions and procedures; the body is kept as a hash so diffs can say it changed. */
export async function readFunctions(engine: Engine): Promise<readonly FunctionDef[]> {
  const { rows } = await engine.query<FunctionRow>(functionsSql);
  return rows.map((row) =>
    withoutAbsent<FunctionDef>({
      schema: row.schema,
      name: row.name,
      arguments: row.arguments,
      // Procedures return nothing; 'void' keeps the field a plain string.
      returns: row.returns ?? 'void',
      language: row.language,
      volatility: volatilities[row.volatility as keyof typeof volatilities] ?? 'volatile',
      definitionHash: row.definition_hash,
      comment: row.comment,
    }),
  );
}

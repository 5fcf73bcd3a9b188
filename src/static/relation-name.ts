import type { RangeVar } from '@pgsql/types';
import { quoteIdent } from '../sql/quote.js';

/** A name as written (schema optional), as the parse tree holds it. */
export interface WrittenName {
  readonly schemaname?: string;
  readonly relname?: string;
}

/**
 * Resolves a written name the way PostgreSQL would, without a catalog: a qualified name is itself;
 * an unqualified one is the first schema of the search_path holding a relation of that name, else
 * the first schema of the path (where CREATE would put it).
 */
export function qualify(
  name: WrittenName,
  searchPath: readonly string[],
  known: (relation: string) => boolean,
): string {
  const bare = quoteIdent(name.relname ?? '');
  if (name.schemaname) return `${quoteIdent(name.schemaname)}.${bare}`;
  const candidates = searchPath.map((schema) => `${quoteIdent(schema)}.${bare}`);
  return candidates.find(known) ?? candidates[0] ?? `public.${bare}`;
}

/** A RangeVar, or the String list of a DROP's object name (`schema.name` or `name`). */
export function writtenFromParts(parts: readonly string[]): WrittenName {
  const relname = parts.at(-1);
  const schemaname = parts.length > 1 ? parts.at(-2) : undefined;
  return { ...(relname !== undefined && { relname }), ...(schemaname !== undefined && { schemaname }) };
}

export function rangeVarName(relation: RangeVar | undefined): WrittenName | undefined {
  return relation?.relname ? relation : undefined;
}

import { fingerprintSql, normalizeSql } from './parser.js';

/**
 * libpg-query's fingerprint: equal for queries that differ only in constants, whitespace and
 * comments. Undefined when the SQL does not parse.
 */
export function fingerprint(sql: string): string | undefined {
  return fingerprintSql(sql);
}

/** The query with constants replaced by $1, $2, ... Undefined when the SQL does not parse. */
export function normalize(sql: string): string | undefined {
  return normalizeSql(sql);
}

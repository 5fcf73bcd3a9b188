import { initSql, parseSql } from '../../sql/parser.js';

/**
 * Tools that send a whole step as one query string (simple query protocol) get PostgreSQL's
 * implicit transaction when the string holds more than one statement, and none for a single
 * statement: "multiple statements in a single Query message ... run as a single transaction"
 * (PostgreSQL docs, protocol-flow "Multiple Statements in a Simple Query"). That is why a lone
 * `CREATE INDEX CONCURRENTLY` works in such a file and fails beside another statement
 * (dbmate#285, jackc/pgx#1047, prisma/orm#22922). Text that does not parse counts as several.
 */
export async function sentAsOneQueryInTransaction(sql: string): Promise<boolean> {
  await initSql();
  const outcome = parseSql(sql);
  return !outcome.ok || (outcome.result.stmts?.length ?? 0) > 1;
}

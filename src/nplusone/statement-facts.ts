import { ownCopy } from '../sources/logs/own-copy.js';
import { fingerprintSql, normalizeSql, parseSql } from '../sql/parser.js';
import { collect } from '../sql/walk.js';
import { RecentCache } from './recent-cache.js';
import { shapeKey } from './shape-key.js';

/** What the detector needs to know about one statement text. */
export interface StatementFacts {
  readonly fingerprint: string;
  /**
   * A read of a table: SELECT without FOR UPDATE / INTO that names a relation. Only reads are N+1
   * candidates; `SELECT 1` and `SELECT now()` (pool health checks) are not.
   */
  readonly isRead: boolean;
  /** IN (...) or = ANY(...): already a batch, never an N+1. */
  readonly isBatched: boolean;
  /**
   * A page of an ordered read (LIMIT … OFFSET, or a range condition with ORDER BY and LIMIT): a loop
   * of them walks one big result, which is not an N+1.
   */
  readonly isPaged: boolean;
  readonly transaction?: 'begin' | 'end';
}

const BEGIN = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const END = new Set([
  'TRANS_STMT_COMMIT',
  'TRANS_STMT_ROLLBACK',
  'TRANS_STMT_PREPARE',
  'TRANS_STMT_COMMIT_PREPARED',
]);

const RANGE = new Set(['>', '>=', '<', '<=']);

function factsOf(sql: string): StatementFacts | undefined {
  const parsed = parseSql(sql);
  const fingerprint = fingerprintSql(sql);
  if (!parsed.ok || fingerprint === undefined) return undefined;
  const first = parsed.result.stmts?.[0]?.stmt;
  const trans = first && 'TransactionStmt' in first ? first.TransactionStmt.kind : undefined;
  const select = first && 'SelectStmt' in first ? first.SelectStmt : undefined;
  const exprs = collect(first, 'A_Expr');
  const batched = exprs.some((e) => e.kind === 'AEXPR_IN' || e.kind === 'AEXPR_OP_ANY');
  const ranged = exprs.some(
    (e) => e.kind === 'AEXPR_OP' && e.name?.some((n) => 'String' in n && RANGE.has(n.String.sval ?? '')),
  );
  const paged =
    select?.limitOffset !== undefined ||
    (select?.limitCount !== undefined && (select.sortClause ?? []).length > 0 && ranged);
  return {
    fingerprint,
    isRead:
      select !== undefined &&
      !select.intoClause &&
      (select.lockingClause ?? []).length === 0 &&
      collect(first, 'RangeVar').length > 0,
    isBatched: batched,
    isPaged: paged,
    ...(trans && BEGIN.has(trans) && { transaction: 'begin' as const }),
    ...(trans && END.has(trans) && { transaction: 'end' as const }),
  };
}

// Prepared statements repeat their text exactly, and queries with inlined values repeat their shape:
// parse each shape once. Bounded so memory stays flat; null remembers a text that does not parse.
// A text without constants is its own shape key: one lookup, no scan.
const CACHE_LIMIT = 10_000;
const cache = new RecentCache<string, StatementFacts | null>(CACHE_LIMIT);

/** Facts of a statement, undefined when it does not parse. Call `await initSql()` first. */
export function statementFacts(sql: string): StatementFacts | undefined {
  const exact = cache.get(sql);
  if (exact !== undefined) return exact ?? undefined;
  const key = shapeKey(sql) ?? sql;
  const known = key === sql ? undefined : cache.get(key);
  if (known !== undefined) return known ?? undefined;
  const facts = factsOf(sql);
  cache.set(ownCopy(key), facts ?? null);
  return facts;
}

/** The statement with its constants as $n: what the report shows. */
export function normalizedText(sql: string): string {
  return normalizeSql(sql) ?? sql;
}

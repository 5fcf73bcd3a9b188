import type { IndexKey } from '../catalog/model.js';
import { type DistinctCounts, distinctKey } from './column-distinct.js';
import { candidateId, columnKey, expressionKey, type IndexCandidate } from './index-candidate.js';
import type { TableUse } from './query-shape.js';

export interface CandidateOptions {
  /** pg_trgm is installed: LIKE '%x%' may get a trigram GIN index. */
  readonly trigram: boolean;
  /** Distinct values per column (pg_stats): a partial index is only for a column of categories. */
  readonly distinct?: DistinctCounts;
}

/**
 * A column with more distinct values than this is not a category (a status, a type, a flag):
 * `author_id = 7` in a pasted query stands for any author, and an index for author 7 alone serves
 * no other query. Columns without statistics keep their partial candidate.
 */
export const MAX_PARTIAL_DISTINCT = 100;

/** INCLUDE only a few columns: a wide covering index costs more to keep than the heap visits it saves. */
const MAX_INCLUDE = 3;

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function btree(
  use: TableUse,
  keys: readonly IndexKey[],
  extra: Partial<IndexCandidate> = {},
): IndexCandidate {
  return { table: use.table.qualified, method: 'btree', keys, include: [], ...extra };
}

/** The order of a btree's keys: equality columns first, then one range column or the ORDER BY / GROUP BY keys. */
function keySets(use: TableUse, equal: readonly string[]): IndexKey[][] {
  const eq = equal.map((c) => columnKey(c));
  const sets: IndexKey[][] = [];
  if (eq.length) sets.push(eq);
  const rest = (columns: readonly string[]) => columns.filter((c) => !equal.includes(c));
  for (const range of unique(rest(use.ranges))) sets.push([...eq, columnKey(range)]);
  const order = use.order.filter((k) => !equal.includes(k.column));
  if (order.length)
    sets.push([
      ...eq,
      ...order.map((k) => ({ ...columnKey(k.column, k.descending), nullsFirst: k.nullsFirst })),
    ]);
  const group = rest(unique(use.group));
  if (group.length) sets.push([...eq, ...group.map((c) => columnKey(c))]);
  return sets;
}

const NARROW_TYPE =
  /^(smallint|integer|bigint|real|double precision|boolean|date|uuid|interval|oid|money|timestamp.*|time .*|time|numeric(\(\d+,\s*\d+\))?|character(\(\d+\))?)$/;

/** Fixed-width or short columns: worth copying into an index. A text body is not. */
function isNarrow(use: TableUse, column: string): boolean {
  const type = use.table.columns.find((c) => c.name === column)?.type ?? '';
  const varchar = /^character varying\((\d+)\)$/.exec(type);
  return NARROW_TYPE.test(type) || (varchar !== null && Number(varchar[1]) <= 64);
}

/**
 * The same keys with the query's other columns in INCLUDE, so an index-only scan can answer it:
 * only when those are few and narrow (an index-only scan needs every column the query reads).
 */
function covering(use: TableUse, candidate: IndexCandidate): IndexCandidate | undefined {
  if (use.referenced === '*') return undefined;
  const keyed = new Set(candidate.keys.flatMap((k) => (k.kind === 'column' ? [k.column] : [])));
  const include = use.referenced.filter((c) => !keyed.has(c));
  if (include.length === 0 || include.length > MAX_INCLUDE) return undefined;
  return include.every((c) => isNarrow(use, c)) ? { ...candidate, include } : undefined;
}

/** Partial indexes: the `column = constant` predicates move from the keys to WHERE. */
function partials(use: TableUse, equal: readonly string[], distinct: DistinctCounts): IndexCandidate[] {
  const constants = use.constants.filter(
    (c) => (distinct.get(distinctKey(use.table.qualified, c.column)) ?? 0) <= MAX_PARTIAL_DISTINCT,
  );
  if (constants.length === 0) return [];
  const constant = new Set(constants.map((c) => c.column));
  const predicate = constants.map((c) => c.predicate).join(' AND ');
  return keySets(
    use,
    equal.filter((c) => !constant.has(c)),
  )
    .filter((keys) => keys.every((k) => k.kind !== 'column' || !constant.has(k.column)))
    .map((keys) => btree(use, keys, { predicate }));
}

/** The candidates one query offers for one table, each distinct. */
export function candidatesFor(use: TableUse, options: CandidateOptions): IndexCandidate[] {
  const equal = unique(use.equal);
  const plain = keySets(use, equal).map((keys) => btree(use, keys));
  const found: IndexCandidate[] = [
    ...plain,
    ...plain.flatMap((c) => covering(use, c) ?? []),
    ...partials(use, equal, options.distinct ?? new Map()),
    ...unique(use.joins).map((c) => btree(use, [columnKey(c)])),
    ...unique(use.expressions).map((e) => btree(use, [expressionKey(e)])),
    ...unique(use.containment).map(
      (c): IndexCandidate => ({
        table: use.table.qualified,
        method: 'gin',
        keys: [columnKey(c)],
        include: [],
      }),
    ),
    ...(options.trigram
      ? unique(use.patterns).map(
          (c): IndexCandidate => ({
            table: use.table.qualified,
            method: 'gin',
            keys: [columnKey(c, false, 'gin_trgm_ops')],
            include: [],
            extension: 'pg_trgm',
          }),
        )
      : []),
  ];
  const seen = new Set<string>();
  return found.filter((c) => {
    const id = candidateId(c);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

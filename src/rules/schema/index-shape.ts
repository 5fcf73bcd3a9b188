import type { Index, IndexKey, RelationName } from '../../catalog/model.js';

/**
 * How pgvigil compares two indexes: one place for ban-duplicate-index, ban-redundant-index and
 * ban-invalid-index. The catalog reader already leaves out default opclasses and collations, so
 * `(email)` and `(email text_ops)` compare equal, and `(email COLLATE "C")` does not.
 */

export const sameRelation = (a: RelationName, b: RelationName): boolean =>
  a.schema === b.schema && a.name === b.name;

/** Same column or expression, read through the same opclass and collation; order aside. */
function sameTarget(a: IndexKey, b: IndexKey): boolean {
  const target = (key: IndexKey) => (key.kind === 'column' ? `c:${key.column}` : `e:${key.expression}`);
  return target(a) === target(b) && a.opclass === b.opclass && a.collation === b.collation;
}

const sameOrder = (a: IndexKey, b: IndexKey): boolean =>
  a.descending === b.descending && a.nullsFirst === b.nullsFirst;

/** A btree scanned backwards flips both: `ASC NULLS LAST` read backwards is `DESC NULLS FIRST`. */
const reversedOrder = (a: IndexKey, b: IndexKey): boolean =>
  a.descending !== b.descending && a.nullsFirst !== b.nullsFirst;

const sameInclude = (a: Index, b: Index): boolean =>
  a.include.length === b.include.length && a.include.every((column) => b.include.includes(column));

/**
 * Everything that decides which rows an index holds, how it orders them and which queries it can
 * serve, names and table aside: method, keys (targets, opclasses, collations, directions), INCLUDE
 * columns (as a set: their order changes nothing a query sees), predicate and uniqueness.
 */
export function sameDefinition(a: Index, b: Index): boolean {
  return (
    a.method === b.method &&
    a.keys.length === b.keys.length &&
    a.keys.every((key, i) => {
      const other = b.keys[i];
      return other !== undefined && sameTarget(key, other) && sameOrder(key, other);
    }) &&
    sameInclude(a, b) &&
    a.predicate === b.predicate &&
    a.unique === b.unique &&
    a.nullsNotDistinct === b.nullsNotDistinct
  );
}

/** The same index on the same table: a duplicate. */
export const sameShape = (a: Index, b: Index): boolean =>
  sameRelation(a.table, b.table) && sameDefinition(a, b);

/**
 * Only btree is an ordered, multi-column structure whose leading columns serve every lookup the
 * whole index serves: a GiST, GIN, BRIN or hash index on `(a)` is not made useless by one on `(a, b)`.
 */
export const PREFIX_METHODS: ReadonlySet<string> = new Set(['btree']);

/**
 * True when `longer` serves every query `shorter` serves, so `shorter` only costs writes and memory:
 * same btree method and predicate, `shorter`'s keys lead `longer`'s with the same targets, and in
 * the same order or all reversed (a backward scan); mixed directions are a different sort order
 * once there are two columns. `shorter`'s INCLUDE columns must be in `longer` (else `shorter` may
 * give index-only scans `longer` cannot). A UNIQUE `shorter` enforces something a longer key does
 * not, so only an equally unique index of the same keys replaces it.
 */
export function servesAsPrefix(longer: Index, shorter: Index): boolean {
  if (longer === shorter || !longer.valid || !sameRelation(longer.table, shorter.table)) return false;
  if (!PREFIX_METHODS.has(longer.method) || longer.method !== shorter.method) return false;
  if (longer.predicate !== shorter.predicate || shorter.keys.length > longer.keys.length) return false;
  const pairs = shorter.keys.map((key, i) => [key, longer.keys[i] as IndexKey] as const);
  if (!pairs.every(([a, b]) => sameTarget(a, b))) return false;
  if (!pairs.every(([a, b]) => sameOrder(a, b)) && !pairs.every(([a, b]) => reversedOrder(a, b))) {
    return false;
  }
  const longerColumns = new Set([
    ...longer.include,
    ...longer.keys.flatMap((key) => (key.kind === 'column' ? [key.column] : [])),
  ]);
  if (!shorter.include.every((column) => longerColumns.has(column))) return false;
  return (
    !shorter.unique ||
    (longer.unique &&
      longer.keys.length === shorter.keys.length &&
      longer.nullsNotDistinct === shorter.nullsNotDistinct)
  );
}

/**
 * Which of two interchangeable indexes to keep (negative: `a`): the one backing a constraint
 * (dropping it means dropping the constraint), then one attached to a partitioned index (it cannot
 * be dropped alone), then unique, then valid, then the older one (lower oid).
 */
export function preferToKeep(a: Index, b: Index): number {
  const score = (index: Index) => [
    index.constraint !== undefined,
    index.parentIndex !== undefined,
    index.unique,
    index.valid,
  ];
  const [sa, sb] = [score(a), score(b)];
  for (let i = 0; i < sa.length; i++) {
    if (sa[i] !== sb[i]) return sa[i] ? -1 : 1;
  }
  return a.oid - b.oid;
}

import type { FillColumn } from './fill-shape.js';

/** Literals that read as the n-th row's value, by base type name, for types whose category says too little. */
const BY_TYPE: Readonly<Record<string, (n: number) => string>> = {
  uuid: (n) => `'00000000-0000-4000-8000-${String(n).padStart(12, '0')}'`,
  json: (n) => `'{"n": ${n}}'`,
  jsonb: (n) => `'{"n": ${n}}'`,
  bytea: (n) => `'\\x${n.toString(16).padStart(2, '0')}'`,
  xml: (n) => `'<n>${n}</n>'`,
  date: (n) => `date '2000-01-01' + ${n}`,
  'timestamp without time zone': (n) => `timestamp '2000-01-01' + ${n} * interval '1 hour'`,
  'timestamp with time zone': (n) => `timestamptz '2000-01-01 00:00Z' + ${n} * interval '1 hour'`,
  'time without time zone': (n) => `time '00:00' + ${n} * interval '1 minute'`,
  'time with time zone': (n) => `timetz '00:00Z' + ${n} * interval '1 minute'`,
  inet: (n) => `'10.0.0.${n % 256}'`,
  cidr: (n) => `'10.0.0.${n % 256}/32'`,
  macaddr: (n) => `'08:00:2b:01:02:${(n % 256).toString(16).padStart(2, '0')}'`,
  point: (n) => `'(${n},${n})'`,
  tsvector: (n) => `'w${n}'`,
};

/** Literals by pg_type.typcategory: N numeric, S string, B boolean, T timespan, A array, R range. */
const BY_CATEGORY: Readonly<Record<string, (n: number, base: string) => string>> = {
  N: (n) => `'${n}'`,
  S: (n) => `'${n}'`,
  B: (n) => (n % 2 === 1 ? 'true' : 'false'),
  T: (n) => `'${n} seconds'`,
  A: () => `'{}'`,
  R: () => `'empty'`,
  E: (n, base) =>
    `(pg_catalog.enum_range(NULL::${base}))[${n - 1} % cardinality(pg_catalog.enum_range(NULL::${base})) + 1]`,
};

/**
 * A SQL expression for the n-th synthetic row's value in this column (n from 1), distinct per row so UNIQUE holds,
 * cast to the column's own type so domains check it; undefined when pgvigil knows no value for the type.
 */
export function syntheticValue(column: FillColumn, n: number): string | undefined {
  const literal = BY_TYPE[column.baseType]?.(n) ?? BY_CATEGORY[column.category]?.(n, column.baseType);
  return literal === undefined ? undefined : `(${literal})::${column.type}`;
}

import { sqlLiteral } from '../catalog/diff/names.js';
import type { FillColumn } from './fill-shape.js';

/** A number in [0, 1) from row g, in no relation to g's order: a status does not follow the insertion order. */
export function uniform(g: string): string {
  return `((pg_catalog.hashint4((${g})::int4)::int8 + 2147483648) / 4294967296.0)`;
}

/**
 * A position 1..k with P(i) = log((i + 1) / i) / log(k + 1), a Zipf-like skew: the first value is
 * the most common (of 3: 50 %, 29 %, 21 %; of 10: 29 % down to 4 %), as statuses are in production,
 * so a partial index on a rare value is judged against a skew, not an even split.
 */
export function skewedPosition(k: string, g: string): string {
  return `LEAST(${k}, floor(power(${k} + 1, ${uniform(g)}))::int)`;
}

/** One of a CHECK's allowed values for row g, skewed towards the first. */
export function categoryValue(values: readonly string[], g: string): string {
  return `(ARRAY[${values.map(sqlLiteral).join(', ')}])[${skewedPosition(String(values.length), g)}]`;
}

/** SQL expressions for row number `g` (a column of generate_series, or a literal), by base type name. */
const BY_TYPE: Readonly<Record<string, (g: string) => string>> = {
  uuid: (g) => `md5((${g})::text)::uuid`,
  json: (g) => `json_build_object('n', ${g})`,
  jsonb: (g) => `jsonb_build_object('n', ${g})`,
  bytea: (g) => `int4send((${g})::int4)`,
  xml: (g) => `xmlelement(name n, ${g})`,
  date: (g) => `date '2000-01-01' + (${g}) % 36500`,
  'timestamp without time zone': (g) => `timestamp '2000-01-01' + (${g}) * interval '1 minute'`,
  'timestamp with time zone': (g) => `timestamptz '2000-01-01 00:00Z' + (${g}) * interval '1 minute'`,
  'time without time zone': (g) => `time '00:00' + (${g}) * interval '1 second'`,
  'time with time zone': (g) => `timetz '00:00Z' + (${g}) * interval '1 second'`,
  inet: (g) => `'10.0.0.0'::inet + (${g})`,
  cidr: (g) => `set_masklen('10.0.0.0'::inet + (${g}), 32)::cidr`,
  macaddr: (g) => `('08:00:2b:01:02:' || lpad(to_hex((${g}) % 256), 2, '0'))::macaddr`,
  point: (g) => `point(${g}, ${g})`,
  tsvector: (g) => `to_tsvector('simple', 'w' || (${g}))`,
  smallint: (g) => `(${g}) % 32000`,
};

/** By pg_type.typcategory: N numeric, S string, B boolean, T timespan, A array, R range, E enum. */
const BY_CATEGORY: Readonly<Record<string, (g: string, base: string) => string>> = {
  N: (g) => g,
  S: (g) => `(${g})::text`,
  B: (g) => `(${g}) % 2 = 1`,
  T: (g) => `(${g}) * interval '1 second'`,
  A: () => `'{}'`,
  R: () => `'empty'`,
  E: (g, base) =>
    `(pg_catalog.enum_range(NULL::${base}))[${skewedPosition(`cardinality(pg_catalog.enum_range(NULL::${base}))`, g)}]`,
};

/**
 * The value of one column for synthetic row `g` (an SQL integer expression: generate_series' g, or
 * a literal row number from 1), distinct per row so UNIQUE holds, cast to the column's own type so
 * domains check it; undefined when pgvigil knows no value for the type. The bulk fill of explain
 * and advise and the few rows of verify and trace both draw from here.
 */
export function syntheticValue(column: FillColumn, g: string): string | undefined {
  const expression = BY_TYPE[column.baseType]?.(g) ?? BY_CATEGORY[column.category]?.(g, column.baseType);
  return expression === undefined ? undefined : `(${expression})::${column.type}`;
}

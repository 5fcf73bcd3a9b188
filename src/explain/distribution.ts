import { sqlLiteral } from '../catalog/diff/names.js';
import type { FillColumn } from '../observe/fill-shape.js';
import { skewedPosition, syntheticValue, uniform } from '../observe/synthetic-values.js';

/**
 * How synthetic rows spread over one column's values (--distribution table.column=spec):
 * uniform, zipf[:n], distinct:n, values:a=0.9,b=0.1, and nulls:f on top of any of them.
 */
export interface Distribution {
  readonly kind?: 'uniform' | 'zipf' | 'distinct' | 'values';
  /** zipf:n, distinct:n: how many distinct values. */
  readonly count?: number;
  /** values: each value with its share of the rows. */
  readonly values?: readonly (readonly [string, number])[];
  /** nulls:f: this share of the rows is NULL. */
  readonly nulls?: number;
}

export const DISTRIBUTION_SYNTAX =
  'uniform, zipf, zipf:<n>, distinct:<n>, values:<a>=<share>,<b>=<share>, nulls:<share>';

function share(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && value >= 0 && value <= 1 ? value : undefined;
}

/** One spec as given after `=`; a string saying what is wrong when it is not one. */
export function parseDistribution(spec: string): Distribution | string {
  const colon = spec.indexOf(':');
  const head = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? undefined : spec.slice(colon + 1);
  if (head === 'uniform' && arg === undefined) return { kind: 'uniform' };
  if (head === 'zipf' && arg === undefined) return { kind: 'zipf' };
  if ((head === 'zipf' || head === 'distinct') && arg !== undefined) {
    const count = Number(arg);
    return Number.isInteger(count) && count >= 1
      ? { kind: head, count }
      : `${head}:${arg}: give a whole number of values, at least 1`;
  }
  if (head === 'nulls' && arg !== undefined) {
    const nulls = share(arg);
    return nulls === undefined ? `nulls:${arg}: give a share between 0 and 1` : { nulls };
  }
  if (head === 'values' && arg !== undefined) {
    const values = arg.split(',').map((item) => {
      const at = item.lastIndexOf('=');
      return [item.slice(0, at), share(item.slice(at + 1))] as const;
    });
    const wrong = values.find(([value, s]) => value === '' || s === undefined);
    if (wrong) return `values:${arg}: write each value as <value>=<share between 0 and 1>`;
    const total = values.reduce((sum, [, s]) => sum + (s ?? 0), 0);
    if (total > 1.0001) return `values:${arg}: the shares add up to ${total}, more than 1`;
    return { kind: 'values', values: values as [string, number][] };
  }
  return `"${spec}" is not a distribution; use ${DISTRIBUTION_SYNTAX}`;
}

/** Two specs of one column: nulls:f given apart from the kind of values. */
export function mergeDistributions(a: Distribution, b: Distribution): Distribution {
  return { ...a, ...b };
}

/** A salt per column, so two columns of one row do not draw the same random number. */
function salted(g: string, column: string): string {
  let salt = 7;
  for (const char of column) salt = (salt * 31 + char.charCodeAt(0)) % 1_000_003;
  return `((${g}) # ${salt})`;
}

function valuesCase(values: readonly (readonly [string, number])[], u: string, type: string): string {
  let cumulative = 0;
  const arms = values.map(([value, s]) => {
    cumulative += s;
    return `WHEN ${u} < ${cumulative} THEN ${sqlLiteral(value)}::${type}`;
  });
  return `(CASE ${arms.join(' ')} END)`;
}

/**
 * The SQL value of `column` for row g under a distribution; `allowed` are the values its CHECK
 * lists. undefined when the kind needs what the column lacks (zipf without a count on a column
 * with no list of values): the caller says so.
 */
export function distributedValue(
  column: FillColumn,
  g: string,
  distribution: Distribution,
  allowed: readonly string[] | undefined,
): string | undefined {
  const draw = salted(g, column.name);
  const list = allowed
    ? `ARRAY[${allowed.map(sqlLiteral).join(', ')}]::${column.type}[]`
    : column.category === 'E'
      ? `pg_catalog.enum_range(NULL::${column.baseType})`
      : undefined;
  const k = list === undefined ? undefined : `cardinality(${list})`;
  const { kind, count } = distribution;
  const value =
    kind === 'values'
      ? valuesCase(distribution.values ?? [], uniform(draw), column.type)
      : kind === 'distinct' || (kind === 'zipf' && count !== undefined)
        ? syntheticValue(
            column,
            kind === 'zipf'
              ? skewedPosition(String(count), draw)
              : `(1 + floor(${uniform(draw)} * ${count}))::int`,
          )
        : list !== undefined && k !== undefined
          ? `(${list})[${kind === 'uniform' ? `1 + floor(${uniform(draw)} * ${k})::int` : skewedPosition(k, draw)}]`
          : kind === 'zipf'
            ? undefined
            : syntheticValue(column, g);
  if (value === undefined || distribution.nulls === undefined) return value;
  return `(CASE WHEN ${uniform(salted(g, `${column.name}/nulls`))} < ${distribution.nulls} THEN NULL ELSE ${value} END)`;
}

import type { Node, PartitionBoundSpec } from '@pgsql/types';
import { scanSql } from '../../sql/parser.js';
import type { Statement } from '../../sql/statement.js';

/**
 * A CHECK predicate on the partition key that implies a partition bound, or why none can be written
 * simply. The key columns are not in the statement (they are the parent's PARTITION BY), so the
 * predicate names them with placeholders.
 */
export type BoundPredicate =
  | { readonly ok: true; readonly predicate: string; readonly keys: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Placeholders for the parent's partition key columns, in PARTITION BY order. */
function keyNames(count: number): readonly string[] {
  return count === 1 ? ['<key>'] : Array.from({ length: count }, (_, i) => `<key${i + 1}>`);
}

/** One bound value as written: from its location to the comma or parenthesis that ends it. */
function datumText(statement: Statement, location: number): string {
  const slice = statement.text.slice(location - statement.start);
  const bytes = Buffer.from(slice, 'utf8');
  let depth = 0;
  for (const token of scanSql(slice) ?? []) {
    if (token.text === '(') depth++;
    else if (token.text === ')' && depth-- === 0)
      return bytes.subarray(0, token.start).toString('utf8').trim();
    else if (token.text === ',' && depth === 0) return bytes.subarray(0, token.start).toString('utf8').trim();
  }
  return slice.trim();
}

type Datum = string | 'MINVALUE' | 'MAXVALUE';

function datum(statement: Statement, node: Node): Datum {
  if ('ColumnRef' in node) {
    const [field] = node.ColumnRef.fields ?? [];
    const word = field && 'String' in field ? field.String.sval?.toUpperCase() : undefined;
    if (word === 'MINVALUE' || word === 'MAXVALUE') return word;
  }
  const inner: unknown = Object.values(node)[0];
  const location = (inner as { location?: unknown } | undefined)?.location;
  return typeof location === 'number' ? datumText(statement, location) : '';
}

/**
 * One side of a range bound, in the shape PostgreSQL gives the partition constraint (so its proof
 * that the CHECK implies the bound finds equal clauses): for (L1, L2) the lower side is
 * k1 > L1 OR (k1 = L1 AND k2 >= L2). A MINVALUE or MAXVALUE ends the comparison early.
 */
function rangeSide(keys: readonly string[], datums: readonly Datum[], side: 'lower' | 'upper'): string[] {
  const unbounded = side === 'lower' ? 'MINVALUE' : 'MAXVALUE';
  const finite = datums.findIndex((d) => d === 'MINVALUE' || d === 'MAXVALUE');
  const count = finite === -1 ? datums.length : finite;
  if (count === 0 || datums[0] === unbounded) return [];
  const strict = side === 'lower' ? '>' : '<';
  // The last compared column includes its value, unless the next datum says otherwise.
  const next = datums[count];
  const inclusive = side === 'lower' ? next !== 'MAXVALUE' : next === 'MAXVALUE';
  const terms = Array.from({ length: count }, (_, i) => {
    const op = i === count - 1 && inclusive ? `${strict}=` : strict;
    const equal = keys.slice(0, i).map((column, j) => `${column} = ${datums[j]}`);
    return [...equal, `${keys[i]} ${op} ${datums[i]}`].join(' AND ');
  });
  return [terms.length === 1 ? (terms[0] ?? '') : terms.map((t) => `(${t})`).join(' OR ')];
}

export function boundPredicate(
  statement: Statement,
  parent: string,
  bound: PartitionBoundSpec,
): BoundPredicate {
  if (bound.is_default)
    return {
      ok: false,
      reason:
        'a DEFAULT partition holds every row no other partition takes: its CHECK would be the negation of every other bound, which cannot be written simply',
    };
  const of = (nodes: readonly Node[] | undefined): Datum[] => (nodes ?? []).map((n) => datum(statement, n));
  if (bound.strategy === 'h') {
    // The modulus and remainder are in the statement, the key columns (all of them, in order) are not.
    const keys = keyNames(1);
    const call = `satisfies_hash_partition('${parent.replaceAll("'", "''")}'::regclass, ${bound.modulus ?? 0}, ${bound.remainder ?? 0}, ${keys.join(', ')})`;
    return { ok: true, predicate: call, keys };
  }
  if (bound.strategy === 'l') {
    const isNull = (n: Node): boolean => 'A_Const' in n && n.A_Const.isnull === true;
    const keys = keyNames(1);
    const nulls = (bound.listdatums ?? []).some(isNull);
    const inList = `${keys[0]} IN (${of(bound.listdatums?.filter((n) => !isNull(n))).join(', ')})`;
    return {
      ok: true,
      predicate: nulls ? `${keys[0]} IS NULL OR ${inList}` : `${keys[0]} IS NOT NULL AND ${inList}`,
      keys,
    };
  }
  const lower = of(bound.lowerdatums);
  const keys = keyNames(lower.length);
  const sides = [...rangeSide(keys, lower, 'lower'), ...rangeSide(keys, of(bound.upperdatums), 'upper')];
  const notNull = keys.map((k) => `${k} IS NOT NULL`);
  return {
    ok: true,
    predicate: [...notNull, ...sides.map((s) => (s.includes(' OR ') ? `(${s})` : s))].join(' AND '),
    keys,
  };
}

import { quoteIdent } from '../sql/quote.js';
import { type SelectShape, selectShape } from './select-shape.js';

/** The two ways to load the children of many parents at once, written from the real queries. */
export interface BatchFix {
  /** One query for all parents: `WHERE fk = ANY($1)`. */
  readonly batchSql: string;
  /** One query returning each parent with its children as a JSON array; absent when it cannot be written. */
  readonly joinSql?: string;
  /** Why there is no JOIN form, or what the SQL assumes. */
  readonly notes: readonly string[];
}

export const WHEN_TO_PREFER =
  'Prefer the = ANY($1) batch when the application assembles the objects itself or a parent has many children (flat rows, no JSON to encode and decode); prefer the JOIN with json_agg when one round trip that returns ready nested rows matters more, for example for an API response with a few children per parent.';

const id = quoteIdent;
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function orderBy(shape: SelectShape, alias: string): string {
  return shape.order.map((o) => `${alias}.${id(o.column)}${o.desc ? ' DESC' : ''}`).join(', ');
}

function batchOf(child: SelectShape, key: string, parentKey: string, parentTable: string): string {
  const columns =
    child.columns === '*' ? '*' : [key, ...(child.columns ?? []).filter((c) => c !== key)].map(id).join(', ');
  const order =
    child.order.length > 0
      ? `\nORDER BY ${child.order.map((o) => `${id(o.column)}${o.desc ? ' DESC' : ''}`).join(', ')}`
      : '';
  return `-- $1: the array of ${parentTable}.${parentKey} values the first query returned\nSELECT ${columns}\nFROM ${child.table}\nWHERE ${id(key)} = ANY($1)${order}`;
}

function joinOf(
  parentSql: string,
  parent: SelectShape,
  child: SelectShape,
  key: string,
  parentKey: string,
): { sql?: string; note?: string } {
  if (!Array.isArray(parent.columns))
    return {
      note: 'No JOIN form: the first query does not list plain columns (it selects * or expressions) to group by.',
    };
  if (!Array.isArray(child.columns))
    return {
      note: 'No JOIN form: the repeated query does not list plain columns to put in the JSON objects.',
    };
  const parentColumns: readonly string[] = parent.columns;
  const pairs = child.columns.map((c) => `${literal(c)}, c.${id(c)}`).join(', ');
  const within = child.order.length > 0 ? ` ORDER BY ${orderBy(child, 'c')}` : '';
  const name = id(child.name);
  const grouped = parentColumns.map((c) => `p.${id(c)}`).join(', ');
  const sortable = parent.order.every((o) => parentColumns.includes(o.column));
  const outerOrder =
    parent.order.length === 0
      ? ''
      : sortable
        ? `\nORDER BY ${orderBy(parent, 'p')}`
        : `\n-- GROUP BY does not keep p's order: add ${parent.order.map((o) => o.column).join(', ')} to its select list and ORDER BY it here`;
  return {
    sql: `WITH p AS (\n  ${parentSql.trim().replace(/\n/g, '\n  ')}\n)\nSELECT ${grouped},\n       COALESCE(json_agg(json_build_object(${pairs})${within})\n                FILTER (WHERE c.${id(key)} IS NOT NULL), '[]') AS ${name}\nFROM p\nLEFT JOIN ${child.table} c ON c.${id(key)} = p.${id(parentKey)}\nGROUP BY ${grouped}${outerOrder}`,
  };
}

/**
 * The batch and JOIN forms for a query repeated once per row of a parent query (both normalized
 * texts), or undefined when the repeated query is not a one-table SELECT keyed by one column.
 */
export function writeBatchFix(parentSql: string | undefined, repeatedSql: string): BatchFix | undefined {
  const child = selectShape(repeatedSql);
  // Expressions (count(*) and the like) would need a GROUP BY written by hand: no SQL rather than wrong SQL.
  if (!child?.key || child.columns === undefined) return undefined;
  const parent = parentSql === undefined ? undefined : selectShape(parentSql);
  const listed = Array.isArray(parent?.columns) ? (parent?.columns as readonly string[]) : undefined;
  const parentKey = !listed || listed.includes('id') ? 'id' : (listed[0] ?? 'id');
  const parentTable = parent?.table ?? 'parent';
  const notes: string[] = [];
  if (listed && !listed.includes('id'))
    notes.push(
      `Assumes the repeated query's ${child.key} takes ${parentTable}.${parentKey}; change it if another column feeds it.`,
    );
  if (child.otherConditions) notes.push(`Keep the repeated query's other conditions beside ${child.key}.`);
  const batchSql = batchOf(child, child.key, parentKey, parentTable);
  if (!parent || parentSql === undefined) {
    notes.push('No JOIN form: no query ran just before the repeated one in the same unit.');
    return { batchSql, notes };
  }
  const join = joinOf(parentSql, parent, child, child.key, parentKey);
  if (join.note) notes.push(join.note);
  return { batchSql, ...(join.sql && { joinSql: join.sql }), notes };
}

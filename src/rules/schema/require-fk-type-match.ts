import type { CatalogSnapshot, Constraint, RelationName } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import { findTable, ownForeignKeys } from './fk-coverage.js';

/** One referencing column whose type differs from the column it references. */
interface Mismatch {
  readonly column: string;
  readonly type: string;
  readonly referencedColumn: string;
  readonly referencedType: string;
}

// format_type prints type modifiers in parentheses: varchar(50), numeric(10,2), timestamp(3) with time zone.
const TYPMOD = /\(\s*\d+\s*(,\s*-?\d+\s*)?\)/g;
// The catalog is read with search_path = pg_catalog, so every user type (domain, enum) is schema-qualified.
const USER_TYPE = /^("(?:[^"]|"")*"|[^".(\s]+)\./;
const INTEGER_WIDTH: Readonly<Record<string, number>> = { smallint: 2, integer: 4, bigint: 8 };

function columnType(catalog: CatalogSnapshot, table: RelationName, column: string): string | undefined {
  return findTable(catalog, table)?.columns.find((c) => c.name === column)?.type;
}

/**
 * Pairs whose base types differ. Typmod-only differences (varchar(50) and varchar(100)) use the
 * same operators and indexes, so they are left alone; so are pairs involving a user type, since
 * a domain over the referenced type costs nothing and the snapshot names only the domain.
 */
function mismatches(catalog: CatalogSnapshot, fk: Constraint): readonly Mismatch[] {
  const references = fk.references;
  if (!references) return [];
  return fk.columns.flatMap((column, i) => {
    const referencedColumn = references.columns[i];
    const type = columnType(catalog, fk.table, column);
    const referencedType = referencedColumn && columnType(catalog, references.table, referencedColumn);
    if (!type || !referencedColumn || !referencedType) return [];
    if (USER_TYPE.test(type) || USER_TYPE.test(referencedType)) return [];
    if (type.replace(TYPMOD, '') === referencedType.replace(TYPMOD, '')) return [];
    return [{ column, type, referencedColumn, referencedType }];
  });
}

function capNote(pairs: readonly Mismatch[]): string {
  const capped = pairs.find(
    (p) =>
      (INTEGER_WIDTH[p.type] ?? 0) > 0 &&
      (INTEGER_WIDTH[p.type] ?? 0) < (INTEGER_WIDTH[p.referencedType] ?? 0),
  );
  return capped
    ? ` ${capped.column} (${capped.type}) also cannot hold every ${capped.referencedType} key: once the parent's ids pass the ${capped.type} range, new rows cannot reference them.`
    : '';
}

function describe(fk: Constraint, pairs: readonly Mismatch[]): Finding {
  const parent = fk.references?.table.qualified ?? 'the referenced table';
  const list = pairs
    .map((p) => `${p.column} is ${p.type} but ${p.referencedColumn} is ${p.referencedType}`)
    .join('; ');
  return {
    message: `Foreign key ${fk.name} on ${fk.table.qualified} compares different types: ${list} (${parent}).`,
    why: `Every referential check and every join between the tables compares the two types through a cross-type operator or a cast; where the cast lands on the indexed column (numeric against integer, for example) its index cannot be used, and deletes on ${parent} scan ${fk.table.qualified}.${capNote(pairs)}`,
    help: `Give ${pairs.map((p) => p.column).join(', ')} the referenced column's type. The change rewrites ${fk.table.qualified} under an ACCESS EXCLUSIVE lock unless the cast is binary-coercible (varchar to text is, integer to bigint is not): on a large table, add a column of the right type, backfill it in batches and swap it in instead.`,
  };
}

function fix(fk: Constraint, pairs: readonly Mismatch[]): string {
  const clauses = pairs.map((p) => `ALTER COLUMN ${quoteIdent(p.column)} TYPE ${p.referencedType}`);
  return [
    '-- Waits at most 5 s for its lock instead of queueing every other query behind it; retry if it times out.',
    "SET lock_timeout = '5s';",
    `ALTER TABLE ${fk.table.qualified} ${clauses.join(', ')};`,
    'RESET lock_timeout;',
  ].join('\n');
}

export const requireFkTypeMatch: SchemaRule = {
  meta: {
    id: 'require-fk-type-match',
    group: 'schema',
    category: 'performance',
    defaultSeverity: 'warning',
    summary: "A foreign key column's type differs from the type of the column it references.",
  },
  check(ctx) {
    return ownForeignKeys(ctx.catalog).flatMap((fk) => {
      const pairs = mismatches(ctx.catalog, fk);
      if (pairs.length === 0) return [];
      return [
        {
          ...describe(fk, pairs),
          ...ctx.locate({ kind: 'constraint', constraint: fk }),
          suggestedSql: fix(fk, pairs),
          data: {
            table: fk.table.qualified,
            constraint: fk.name,
            referencedTable: fk.references?.table.qualified,
            mismatches: pairs,
          },
        },
      ];
    });
  },
};

import type { CatalogSnapshot, Column, Constraint, Index, Table } from '../../catalog/model.js';
import { type DownPart, joinParts, part, sameShape } from './down-part.js';
import { byKey, ident, literal } from './sql-names.js';

const constraintKey = (c: Constraint): string => `${c.table.qualified}\u0000${c.name}`;

/** Tables the up created go; tables it dropped cannot be brought back with their rows. */
export function tableDrops(s0: CatalogSnapshot, s1: CatalogSnapshot): DownPart {
  const before = byKey(s0.tables, (t) => t.qualified);
  const after = byKey(s1.tables, (t) => t.qualified);
  const created = s1.tables.filter((t) => !before.has(t.qualified) && !t.partitionOf);
  const dropped = s0.tables.filter((t) => !after.has(t.qualified));
  return part(
    created.length === 0 ? [] : [`DROP TABLE ${created.map((t) => t.qualified).join(', ')}`],
    dropped.map((t) => `the up drops table ${t.qualified}: its definition and rows cannot be generated back`),
  );
}

function columnChanges(table: Table, c0: Column, c1: Column): DownPart {
  const at = `ALTER TABLE ${table.qualified} ALTER COLUMN ${ident(c0.name)}`;
  const statements: string[] = [];
  const irreversible: string[] = [];
  if (c0.default !== c1.default && c1.default !== undefined) statements.push(`${at} DROP DEFAULT`);
  if (c0.type !== c1.type || c0.collation !== c1.collation) {
    const collate = c0.collation ? ` COLLATE ${c0.collation}` : '';
    statements.push(`${at} TYPE ${c0.type}${collate} USING ${ident(c0.name)}::${c0.type}`);
  }
  if (c0.default !== c1.default && c0.default !== undefined)
    statements.push(`${at} SET DEFAULT ${c0.default}`);
  if (c0.notNull !== c1.notNull) statements.push(`${at} ${c0.notNull ? 'SET' : 'DROP'} NOT NULL`);
  if (c0.comment !== c1.comment)
    statements.push(
      `COMMENT ON COLUMN ${table.qualified}.${ident(c0.name)} IS ${c0.comment === undefined ? 'NULL' : literal(c0.comment)}`,
    );
  if (c0.identity !== c1.identity || JSON.stringify(c0.generated) !== JSON.stringify(c1.generated))
    irreversible.push(`the up changes identity or generation of column ${table.qualified}.${ident(c0.name)}`);
  return part(statements, irreversible);
}

/** Columns of tables on both sides: added ones dropped, changed ones set back, dropped ones not generated. */
export function columnDowns(s0: CatalogSnapshot, s1: CatalogSnapshot): DownPart {
  const after = byKey(s1.tables, (t) => t.qualified);
  return joinParts(
    s0.tables.flatMap((t0) => {
      const t1 = after.get(t0.qualified);
      if (!t1) return [];
      const old = byKey(t0.columns, (c) => c.name);
      const now = byKey(t1.columns, (c) => c.name);
      const added = t1.columns.filter((c) => !old.has(c.name));
      const gone = t0.columns.filter((c) => !now.has(c.name));
      const comment =
        t0.comment === t1.comment
          ? []
          : [
              `COMMENT ON TABLE ${t0.qualified} IS ${t0.comment === undefined ? 'NULL' : literal(t0.comment)}`,
            ];
      return [
        part([
          ...(added.length === 0
            ? []
            : [`ALTER TABLE ${t0.qualified} ${added.map((c) => `DROP COLUMN ${ident(c.name)}`).join(', ')}`]),
          ...comment,
        ]),
        ...t0.columns.flatMap((c0) => {
          const c1 = now.get(c0.name);
          return c1 ? [columnChanges(t0, c0, c1)] : [];
        }),
        part(
          [],
          gone.map(
            (c) =>
              `the up drops column ${t0.qualified}.${ident(c.name)}: its values cannot be generated back`,
          ),
        ),
      ];
    }),
  );
}

/** Constraints: added ones dropped (foreign keys first), removed or changed ones added back as they were. */
export function constraintDowns(s0: CatalogSnapshot, s1: CatalogSnapshot): { drop: DownPart; add: DownPart } {
  const tables = new Set(s0.tables.map((t) => t.qualified));
  const before = byKey(s0.constraints, constraintKey);
  const after = byKey(s1.constraints, constraintKey);
  const kept = (c: Constraint): boolean => tables.has(c.table.qualified) && !c.inherited;
  const changed = (c: Constraint): boolean => {
    const other = before.get(constraintKey(c));
    return other !== undefined && !sameShape(other, c);
  };
  const dropping = s1.constraints
    .filter((c) => kept(c) && (!before.has(constraintKey(c)) || changed(c)))
    .sort((a, b) => Number(b.kind === 'foreign key') - Number(a.kind === 'foreign key'));
  const adding = s0.constraints
    .filter(
      (c) => kept(c) && (!after.has(constraintKey(c)) || changed(after.get(constraintKey(c)) as Constraint)),
    )
    .sort((a, b) => Number(a.kind === 'foreign key') - Number(b.kind === 'foreign key'));
  return {
    drop: part(dropping.map((c) => `ALTER TABLE ${c.table.qualified} DROP CONSTRAINT ${ident(c.name)}`)),
    add: part(
      adding.map((c) => `ALTER TABLE ${c.table.qualified} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`),
    ),
  };
}

/** Indexes not backing a constraint: added ones dropped, removed or changed ones built again. */
export function indexDowns(
  s0: CatalogSnapshot,
  s1: CatalogSnapshot,
  concurrently: boolean,
): { drop: DownPart; add: DownPart } {
  const tables = new Set(s0.tables.map((t) => t.qualified));
  const before = byKey(s0.indexes, (i) => i.qualified);
  const after = byKey(s1.indexes, (i) => i.qualified);
  const own = (i: Index): boolean => tables.has(i.table.qualified) && !i.constraint && !i.parentIndex;
  const differs = (i: Index, other?: Index): boolean => other === undefined || !sameShape(i, other);
  const how = concurrently ? ' CONCURRENTLY' : '';
  return {
    drop: part(
      s1.indexes
        .filter((i) => own(i) && differs(i, before.get(i.qualified)))
        .map((i) => `DROP INDEX${how} IF EXISTS ${i.qualified}`),
    ),
    add: part(
      s0.indexes
        .filter((i) => own(i) && differs(i, after.get(i.qualified)))
        .map((i) => i.definition.replace(/^CREATE (UNIQUE )?INDEX /, `CREATE $1INDEX${how} `)),
    ),
  };
}

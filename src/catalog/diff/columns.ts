import type { Column, Table } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, flagChange, isChange, propertyChange, type Subject } from './describe.js';
import { diffByIdentity } from './match.js';
import { quoteIdentifier } from './names.js';

function columnSubject(table: Table, column: Column): Subject {
  const name = `${table.qualified}.${quoteIdentifier(column.name)}`;
  return { object: 'column', name, label: `column ${name}` };
}

function generated(column: Column): string | undefined {
  const g = column.generated;
  return g && `GENERATED ALWAYS AS (${g.expression}) ${g.kind.toUpperCase()}`;
}

function compareColumn(table: Table, before: Column, after: Column): readonly CatalogChange[] {
  const subject = columnSubject(table, before);
  const type: CatalogChange | undefined =
    before.type === after.type
      ? undefined
      : {
          change: 'changed',
          object: 'column',
          name: subject.name,
          label: subject.label,
          property: 'type',
          before: before.type,
          after: after.type,
          description: `${subject.label} changed type from ${before.type} to ${after.type}`,
        };
  // The default sentence names the column without the word "column": "default of public.posts.status".
  const bare = { ...subject, label: subject.name };
  return [
    type,
    flagChange(subject, {
      before: before.notNull,
      after: after.notNull,
      becameTrue: 'NOT NULL was added',
      becameFalse: 'NOT NULL was removed',
    }),
    propertyChange(bare, { what: 'default', before: before.default, after: after.default }),
    propertyChange(subject, { what: 'identity', before: before.identity, after: after.identity }),
    propertyChange(subject, {
      what: 'generation expression',
      before: generated(before),
      after: generated(after),
    }),
    propertyChange(subject, { what: 'collation', before: before.collation, after: after.collation }),
    commentChange(subject, before.comment, after.comment),
  ].filter(isChange);
}

function byAttnum(columns: readonly Column[], keep: ReadonlySet<string>): readonly string[] {
  return [...columns]
    .sort((a, b) => a.attnum - b.attnum)
    .map((column) => column.name)
    .filter((name) => keep.has(name));
}

/**
 * Attnums are not compared: a column dropped and added again gets a new one. Only the relative
 * order of the columns present on both sides matters; positions in the sentence are 1-based
 * places in the full column list.
 */
function columnMoves(before: Table, after: Table): readonly CatalogChange[] {
  const afterNames = new Set(after.columns.map((column) => column.name));
  const common = new Set(before.columns.map((column) => column.name).filter((name) => afterNames.has(name)));
  const beforeOrder = byAttnum(before.columns, common);
  const afterOrder = byAttnum(after.columns, common);
  const place = (table: Table, name: string): string =>
    String(byAttnum(table.columns, new Set(table.columns.map((column) => column.name))).indexOf(name) + 1);
  return beforeOrder.flatMap((name, i): CatalogChange[] => {
    if (afterOrder[i] === name) return [];
    const column = before.columns.find((c) => c.name === name) as Column;
    const subject = columnSubject(before, column);
    const [from, to] = [place(before, name), place(after, name)];
    return [
      {
        change: 'changed',
        object: 'column',
        name: subject.name,
        label: subject.label,
        property: 'position',
        before: from,
        after: to,
        description: `${subject.label} moved from position ${from} to ${to}`,
      },
    ];
  });
}

/** Columns of one table present in both snapshots: added, removed, changed and moved columns. */
export function diffColumns(before: Table, after: Table): readonly CatalogChange[] {
  const columnChanges = diffByIdentity(before.columns, after.columns, {
    identity: (column) => column.name,
    subject: (column) => columnSubject(before, column),
    summary: (column) => column.type,
    compare: (b, a) => compareColumn(before, b, a),
  });
  return [...columnChanges, ...columnMoves(before, after)];
}

import type { Index, IndexKey } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, describeDifferences, isChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { list, quoteIdentifier } from './names.js';

/** One key as CREATE INDEX spells it: `title COLLATE "C" text_pattern_ops DESC NULLS LAST`. */
export function renderIndexKey(key: IndexKey): string {
  const target = key.kind === 'column' ? quoteIdentifier(key.column) : `(${key.expression})`;
  const collation = key.collation ? ` COLLATE ${quoteIdentifier(key.collation)}` : '';
  const opclass = key.opclass ? ` ${key.opclass}` : '';
  const direction = key.descending ? ' DESC' : '';
  // Postgres's default is NULLS LAST ascending and NULLS FIRST descending; print only departures.
  const nulls = key.nullsFirst === key.descending ? '' : key.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  return `${target}${collation}${opclass}${direction}${nulls}`;
}

function indexSubject(index: Index): Subject {
  return { object: 'index', name: index.qualified, label: `index ${index.qualified}` };
}

function compareIndexes(before: Index, after: Index): readonly CatalogChange[] {
  const subject = indexSubject(before);
  const differences = describeDifferences(
    subject,
    [
      { what: 'table', before: before.table.qualified, after: after.table.qualified },
      { what: 'access method', before: before.method, after: after.method },
      {
        what: 'keys',
        before: list(before.keys.map(renderIndexKey)),
        after: list(after.keys.map(renderIndexKey)),
      },
      {
        what: 'INCLUDE columns',
        before: before.include.length ? list(before.include.map(quoteIdentifier)) : undefined,
        after: after.include.length ? list(after.include.map(quoteIdentifier)) : undefined,
      },
      { what: 'predicate', before: before.predicate, after: after.predicate },
      { what: 'backing constraint', before: before.constraint, after: after.constraint },
      { what: 'parent index', before: before.parentIndex?.qualified, after: after.parentIndex?.qualified },
    ],
    [
      {
        before: before.unique,
        after: after.unique,
        becameTrue: 'is now UNIQUE',
        becameFalse: 'is no longer UNIQUE',
      },
      {
        before: before.nullsNotDistinct,
        after: after.nullsNotDistinct,
        becameTrue: 'now treats NULLs as equal (NULLS NOT DISTINCT)',
        becameFalse: 'now treats NULLs as distinct again',
      },
      {
        before: before.primary,
        after: after.primary,
        becameTrue: 'now backs the primary key',
        becameFalse: 'no longer backs the primary key',
      },
      { before: before.valid, after: after.valid, becameTrue: 'is now valid', becameFalse: 'is now INVALID' },
    ],
    { what: 'definition', before: before.definition, after: after.definition },
  );
  return [...differences, commentChange(subject, before.comment, after.comment)].filter(isChange);
}

export const indexMatcher: Matcher<Index> = {
  identity: (index) => index.qualified,
  subject: indexSubject,
  summary: (index) => index.definition,
  compare: compareIndexes,
};

import type { Table } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { diffColumns } from './columns.js';
import { commentChange, flagChange, isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';

function tableSubject(table: Table): Subject {
  return { object: 'table', name: table.qualified, label: `table ${table.qualified}` };
}

function compareTables(before: Table, after: Table): readonly CatalogChange[] {
  const subject = tableSubject(before);
  return [
    propertyChange(subject, { what: 'kind', before: before.kind, after: after.kind }),
    propertyChange(subject, {
      what: 'partition parent',
      before: before.partitionOf?.qualified,
      after: after.partitionOf?.qualified,
    }),
    propertyChange(subject, {
      what: 'partition bound',
      before: before.partitionBound,
      after: after.partitionBound,
    }),
    propertyChange(subject, {
      what: 'partition key',
      before: before.partitionKey,
      after: after.partitionKey,
    }),
    flagChange(subject, {
      before: before.rowSecurity.enabled,
      after: after.rowSecurity.enabled,
      becameTrue: 'row level security was enabled',
      becameFalse: 'row level security was disabled',
    }),
    flagChange(subject, {
      before: before.rowSecurity.forced,
      after: after.rowSecurity.forced,
      becameTrue: 'row level security is now forced on the owner too',
      becameFalse: 'row level security is no longer forced on the owner',
    }),
    commentChange(subject, before.comment, after.comment),
    ...diffColumns(before, after),
  ].filter(isChange);
}

export const tableMatcher: Matcher<Table> = {
  identity: (table) => table.qualified,
  subject: tableSubject,
  compare: compareTables,
};

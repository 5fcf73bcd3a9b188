import type { Constraint } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, describeDifferences, isChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { list, quoteIdentifier } from './names.js';

function constraintSubject(constraint: Constraint): Subject {
  const name = `${constraint.table.qualified}.${quoteIdentifier(constraint.name)}`;
  return {
    object: 'constraint',
    name,
    label: `constraint ${quoteIdentifier(constraint.name)} on ${constraint.table.qualified}`,
  };
}

function referenced(constraint: Constraint): string | undefined {
  const ref = constraint.references;
  return ref && `${ref.table.qualified} ${list(ref.columns.map(quoteIdentifier))}`;
}

function compareConstraints(before: Constraint, after: Constraint): readonly CatalogChange[] {
  const subject = constraintSubject(before);
  const differences = describeDifferences(
    subject,
    [
      { what: 'kind', before: before.kind, after: after.kind },
      {
        what: 'columns',
        before: list(before.columns.map(quoteIdentifier)),
        after: list(after.columns.map(quoteIdentifier)),
      },
      { what: 'referenced columns', before: referenced(before), after: referenced(after) },
      { what: 'ON DELETE action', before: before.references?.onDelete, after: after.references?.onDelete },
      { what: 'ON UPDATE action', before: before.references?.onUpdate, after: after.references?.onUpdate },
    ],
    [
      {
        before: before.validated,
        after: after.validated,
        becameTrue: 'is now validated',
        becameFalse: 'is now NOT VALID',
      },
      {
        before: before.deferrable,
        after: after.deferrable,
        becameTrue: 'is now DEFERRABLE',
        becameFalse: 'is no longer DEFERRABLE',
      },
      {
        before: before.initiallyDeferred,
        after: after.initiallyDeferred,
        becameTrue: 'is now INITIALLY DEFERRED',
        becameFalse: 'is now INITIALLY IMMEDIATE',
      },
      {
        before: before.inherited,
        after: after.inherited,
        becameTrue: 'is now inherited from a parent table',
        becameFalse: 'is no longer inherited from a parent table',
      },
    ],
    { what: 'definition', before: before.definition, after: after.definition },
  );
  return [...differences, commentChange(subject, before.comment, after.comment)].filter(isChange);
}

export const constraintMatcher: Matcher<Constraint> = {
  identity: (constraint) => `${constraint.table.qualified}.${quoteIdentifier(constraint.name)}`,
  subject: constraintSubject,
  summary: (constraint) => constraint.definition,
  compare: compareConstraints,
};

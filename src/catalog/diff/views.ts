import type { View } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, flagChange, isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';

function viewSubject(view: View): Subject {
  const kind = view.materialized ? 'materialized view' : 'view';
  return { object: 'view', name: view.qualified, label: `${kind} ${view.qualified}` };
}

function compareViews(before: View, after: View): readonly CatalogChange[] {
  const subject = viewSubject(before);
  return [
    flagChange(subject, {
      before: before.materialized,
      after: after.materialized,
      becameTrue: 'is now a materialized view',
      becameFalse: 'is now a plain view',
    }),
    propertyChange(subject, { what: 'definition', before: before.definition, after: after.definition }),
    commentChange(subject, before.comment, after.comment),
  ].filter(isChange);
}

export const viewMatcher: Matcher<View> = {
  identity: (view) => view.qualified,
  subject: viewSubject,
  summary: (view) => view.definition,
  compare: compareViews,
};

import type { Trigger } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, flagChange, isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { quoteIdentifier } from './names.js';

function triggerSubject(trigger: Trigger): Subject {
  return {
    object: 'trigger',
    name: `${trigger.table.qualified}.${quoteIdentifier(trigger.name)}`,
    label: `trigger ${quoteIdentifier(trigger.name)} on ${trigger.table.qualified}`,
  };
}

function compareTriggers(before: Trigger, after: Trigger): readonly CatalogChange[] {
  const subject = triggerSubject(before);
  return [
    propertyChange(subject, { what: 'definition', before: before.definition, after: after.definition }),
    flagChange(subject, {
      before: before.enabled,
      after: after.enabled,
      becameTrue: 'was enabled',
      becameFalse: 'was disabled',
    }),
    commentChange(subject, before.comment, after.comment),
  ].filter(isChange);
}

export const triggerMatcher: Matcher<Trigger> = {
  identity: (trigger) => triggerSubject(trigger).name,
  subject: triggerSubject,
  summary: (trigger) => trigger.definition,
  compare: compareTriggers,
};

import type { Sequence } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, flagChange, isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { quoteIdentifier } from './names.js';

function sequenceSubject(sequence: Sequence): Subject {
  return { object: 'sequence', name: sequence.qualified, label: `sequence ${sequence.qualified}` };
}

function owner(sequence: Sequence): string | undefined {
  const by = sequence.ownedBy;
  return by && `${by.table.qualified}.${quoteIdentifier(by.column)}`;
}

// lastValue is left out on purpose: it moves with every insert and says nothing about the schema.
function compareSequences(before: Sequence, after: Sequence): readonly CatalogChange[] {
  const subject = sequenceSubject(before);
  const facts = [
    ['data type', before.dataType, after.dataType],
    ['start', before.start, after.start],
    ['increment', before.increment, after.increment],
    ['minimum', before.min, after.min],
    ['maximum', before.max, after.max],
    ['cache', before.cache, after.cache],
    ['owner column', owner(before), owner(after)],
  ] as const;
  return [
    ...facts.map(([what, b, a]) => propertyChange(subject, { what, before: b, after: a })),
    flagChange(subject, {
      before: before.cycle,
      after: after.cycle,
      becameTrue: 'now CYCLEs',
      becameFalse: 'no longer CYCLEs',
    }),
    commentChange(subject, before.comment, after.comment),
  ].filter(isChange);
}

export const sequenceMatcher: Matcher<Sequence> = {
  identity: (sequence) => sequence.qualified,
  subject: sequenceSubject,
  compare: compareSequences,
};

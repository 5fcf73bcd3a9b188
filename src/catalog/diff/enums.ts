import type { EnumType } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { list, qualify, sqlLiteral } from './names.js';

function enumSubject(type: EnumType): Subject {
  const name = qualify(type.schema, type.name);
  return { object: 'enum', name, label: `enum ${name}` };
}

function labelChange(subject: Subject, label: string, gained: boolean): CatalogChange {
  const quoted = sqlLiteral(label);
  return {
    change: 'changed',
    object: 'enum',
    name: subject.name,
    label: subject.label,
    ...(gained ? { after: label } : { before: label }),
    description: `${subject.label} ${gained ? 'gained' : 'lost'} label ${quoted}`,
  };
}

function compareEnums(before: EnumType, after: EnumType): readonly CatalogChange[] {
  const subject = enumSubject(before);
  const lost = before.labels.filter((label) => !after.labels.includes(label));
  const gained = after.labels.filter((label) => !before.labels.includes(label));
  // Order matters (enums compare by sort order), so a reorder of surviving labels is reported too.
  const kept = (labels: readonly string[]) =>
    labels.filter((l) => before.labels.includes(l) && after.labels.includes(l));
  const reordered = kept(before.labels).join('\u0000') !== kept(after.labels).join('\u0000');
  return [
    ...lost.map((label) => labelChange(subject, label, false)),
    ...gained.map((label) => labelChange(subject, label, true)),
    reordered
      ? propertyChange(subject, {
          what: 'label order',
          before: list(before.labels.map(sqlLiteral)),
          after: list(after.labels.map(sqlLiteral)),
        })
      : undefined,
    commentChange(subject, before.comment, after.comment),
  ].filter(isChange);
}

export const enumMatcher: Matcher<EnumType> = {
  identity: (type) => qualify(type.schema, type.name),
  subject: enumSubject,
  summary: (type) => list(type.labels.map(sqlLiteral)),
  compare: compareEnums,
};

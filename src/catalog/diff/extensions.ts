import type { Extension } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { isChange, propertyChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { quoteIdentifier } from './names.js';

function extensionSubject(extension: Extension): Subject {
  const name = quoteIdentifier(extension.name);
  return { object: 'extension', name, label: `extension ${name}` };
}

function compareExtensions(before: Extension, after: Extension): readonly CatalogChange[] {
  const subject = extensionSubject(before);
  return [
    propertyChange(subject, { what: 'version', before: before.version, after: after.version }),
    propertyChange(subject, { what: 'schema', before: before.schema, after: after.schema }),
  ].filter(isChange);
}

export const extensionMatcher: Matcher<Extension> = {
  identity: (extension) => extension.name,
  subject: extensionSubject,
  summary: (extension) => extension.version,
  compare: compareExtensions,
};

export const schemaMatcher: Matcher<string> = {
  identity: (schema) => schema,
  subject: (schema) => ({
    object: 'schema',
    name: quoteIdentifier(schema),
    label: `schema ${quoteIdentifier(schema)}`,
  }),
  compare: () => [],
};

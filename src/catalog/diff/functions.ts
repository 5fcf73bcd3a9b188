import type { FunctionDef } from '../model.js';
import type { CatalogChange } from './catalog-change.js';
import { commentChange, describeDifferences, isChange, type Subject } from './describe.js';
import type { Matcher } from './match.js';
import { qualify } from './names.js';

/** Functions are overloaded: the identity is the name plus the identity argument types. */
function signature(fn: FunctionDef): string {
  return `${qualify(fn.schema, fn.name)}(${fn.arguments})`;
}

function functionSubject(fn: FunctionDef): Subject {
  const name = signature(fn);
  return { object: 'function', name, label: `function ${name}` };
}

function compareFunctions(before: FunctionDef, after: FunctionDef): readonly CatalogChange[] {
  const subject = functionSubject(before);
  const differences = describeDifferences(
    subject,
    [
      { what: 'return type', before: before.returns, after: after.returns },
      { what: 'language', before: before.language, after: after.language },
      { what: 'volatility', before: before.volatility, after: after.volatility },
    ],
    [],
    // The hash stands for the body and every option pg_get_functiondef prints.
    { what: 'body or options', before: before.definitionHash, after: after.definitionHash, opaque: true },
  );
  return [...differences, commentChange(subject, before.comment, after.comment)].filter(isChange);
}

export const functionMatcher: Matcher<FunctionDef> = {
  identity: signature,
  subject: functionSubject,
  summary: (fn) => `RETURNS ${fn.returns} LANGUAGE ${fn.language}`,
  compare: compareFunctions,
};

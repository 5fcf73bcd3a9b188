import { closest } from '../util/closest.js';

/** Records one problem at a key path; validators call it and go on, so every mistake is reported at once. */
export type Complain = (keyPath: string, problem: string) => void;

/** How a wrong value is named in an error: the type, and the value itself when short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"a", "b" or "c"` for messages listing what is allowed. */
export function oneOf(allowed: readonly string[]): string {
  const quoted = allowed.map((word) => JSON.stringify(word));
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** ` Did you mean "x"?` or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? '' : ` Did you mean ${JSON.stringify(suggestion)}?`;
}

/** Reports every key of `object` that is not in `known`, with the closest known key as a hint. */
export function checkKeys(
  object: Record<string, unknown>,
  known: readonly string[],
  path: string,
  complain: Complain,
) {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    complain(joinPath(path, key), `unknown key.${didYouMean(key, known)} Allowed here: ${known.join(', ')}.`);
  }
}

export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

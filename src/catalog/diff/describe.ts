import type { CatalogChange, ChangedObject } from './catalog-change.js';

/** The object a group of changes is about: its kind, qualified name and how a sentence names it. */
export interface Subject {
  readonly object: ChangedObject;
  readonly name: string;
  /** e.g. `column public.posts.title`, `constraint posts_pkey on public.posts`. */
  readonly label: string;
}

/** One comparable fact of an object; undefined means "none" (no default, no predicate, ...). */
export interface Property {
  readonly what: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  /** Values that mean nothing to a reader (a hash) stay in before/after, out of the sentence. */
  readonly opaque?: boolean;
}

/** A yes/no fact, with the words for each state it can move into. */
export interface Flag {
  readonly before: boolean;
  readonly after: boolean;
  readonly becameTrue: string;
  readonly becameFalse: string;
}

// Long or multi-line values (view and function bodies) go in before/after, not in the sentence.
const MAX_INLINE = 120;

function inline(value: string | undefined): string {
  return value === undefined ? 'none' : value;
}

function fitsInline(value: string | undefined): boolean {
  return value === undefined || (value.length <= MAX_INLINE && !value.includes('\n'));
}

export function objectAdded(subject: Subject, after?: string): CatalogChange {
  return {
    change: 'added',
    object: subject.object,
    name: subject.name,
    label: subject.label,
    after,
    description: `${subject.label} was added`,
  };
}

export function objectRemoved(subject: Subject, before?: string): CatalogChange {
  return {
    change: 'removed',
    object: subject.object,
    name: subject.name,
    label: subject.label,
    before,
    description: `${subject.label} was removed`,
  };
}

export function propertyChange(subject: Subject, property: Property): CatalogChange | undefined {
  const { what, before, after } = property;
  if (before === after) return undefined;
  const values =
    !property.opaque && fitsInline(before) && fitsInline(after)
      ? ` from ${inline(before)} to ${inline(after)}`
      : '';
  return {
    change: 'changed',
    object: subject.object,
    name: subject.name,
    label: subject.label,
    property: what,
    before,
    after,
    description: `${what} of ${subject.label} changed${values}`,
  };
}

export function flagChange(subject: Subject, flag: Flag): CatalogChange | undefined {
  if (flag.before === flag.after) return undefined;
  return {
    change: 'changed',
    object: subject.object,
    name: subject.name,
    label: subject.label,
    before: String(flag.before),
    after: String(flag.after),
    description: `${subject.label}: ${flag.after ? flag.becameTrue : flag.becameFalse}`,
  };
}

/** A comment change is its own kind of change, named after the object it is on. */
export function commentChange(
  subject: Subject,
  before: string | undefined,
  after: string | undefined,
): CatalogChange | undefined {
  if (before === after) return undefined;
  const base = {
    object: 'comment' as const,
    name: subject.name,
    label: `comment on ${subject.label}`,
    before,
    after,
  };
  if (before === undefined)
    return { ...base, change: 'added', description: `comment on ${subject.label} was added` };
  if (after === undefined)
    return { ...base, change: 'removed', description: `comment on ${subject.label} was removed` };
  return { ...base, change: 'changed', description: `comment on ${subject.label} changed` };
}

/**
 * Compares the specific facts first; the full definition is the catch-all for what the model
 * does not break out (storage parameters, a CHECK expression), reported only
 * when no specific fact already explains the difference.
 */
export function describeDifferences(
  subject: Subject,
  properties: readonly Property[],
  flags: readonly Flag[],
  definition: Property,
): readonly CatalogChange[] {
  const specific = [
    ...properties.map((property) => propertyChange(subject, property)),
    ...flags.map((flag) => flagChange(subject, flag)),
  ].filter((change): change is CatalogChange => change !== undefined);
  if (specific.length > 0) return specific;
  const catchAll = propertyChange(subject, definition);
  return catchAll ? [catchAll] : [];
}

export function isChange(change: CatalogChange | undefined): change is CatalogChange {
  return change !== undefined;
}

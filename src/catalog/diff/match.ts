import type { CatalogChange } from './catalog-change.js';
import { objectAdded, objectRemoved, type Subject } from './describe.js';

/** How one kind of catalog object is matched and compared: by identity, never by oid. */
export interface Matcher<T> {
  readonly identity: (item: T) => string;
  readonly subject: (item: T) => Subject;
  /** A short rendering for before/after of added and removed objects. */
  readonly summary?: (item: T) => string;
  readonly compare: (before: T, after: T) => readonly CatalogChange[];
}

/** Removed objects first, then added, then changes of the objects present in both, each in snapshot order. */
export function diffByIdentity<T>(
  before: readonly T[],
  after: readonly T[],
  matcher: Matcher<T>,
): readonly CatalogChange[] {
  const afterById = new Map(after.map((item) => [matcher.identity(item), item]));
  const beforeIds = new Set(before.map(matcher.identity));
  const removed = before
    .filter((item) => !afterById.has(matcher.identity(item)))
    .map((item) => objectRemoved(matcher.subject(item), matcher.summary?.(item)));
  const added = after
    .filter((item) => !beforeIds.has(matcher.identity(item)))
    .map((item) => objectAdded(matcher.subject(item), matcher.summary?.(item)));
  const changed = before.flatMap((item) => {
    const counterpart = afterById.get(matcher.identity(item));
    return counterpart === undefined ? [] : matcher.compare(item, counterpart);
  });
  return [...removed, ...added, ...changed];
}

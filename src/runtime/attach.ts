import type { Listeners } from './record-call.js';
import type { QueryRecorder } from './recorded-query.js';
import { watchPgClient, watchPgPool } from './watch-pg.js';
import { watchPglite } from './watch-pglite.js';

/** What can be watched: a node-postgres Pool or Client, or a PGlite instance (duck-typed). */
export type Watchable = object;

interface Watched extends Listeners {
  readonly recorders: Set<QueryRecorder>;
  restore: () => void;
}

// One patch per object however many watches share it: watches may end in any order, and the
// original methods come back when the last one ends.
const watched = new Map<object, Watched>();

const has = (target: object, ...methods: string[]): boolean =>
  methods.every((m) => typeof (target as Record<string, unknown>)[m] === 'function');

function patch(target: object, listeners: Listeners): () => void {
  if (has(target, 'query', 'exec', 'transaction')) return watchPglite(target, listeners);
  if (has(target, 'query', 'connect') && 'totalCount' in target) return watchPgPool(target, listeners);
  if (has(target, 'query')) return watchPgClient(target, listeners);
  throw cannotWatch(target);
}

function cannotWatch(target: unknown): TypeError {
  const what =
    typeof target !== 'object' || target === null
      ? String(target)
      : `an object of class ${target.constructor?.name ?? 'Object'} without a query() method`;
  return new TypeError(
    `pgvigil/runtime: cannot watch ${what}: pass a pg Pool, a pg Client or a PGlite instance.`,
  );
}

/** Starts sending the target's queries to the recorder; the returned function stops it. */
export function attach(target: Watchable, recorder: QueryRecorder): () => void {
  if (typeof target !== 'object' || target === null) throw cannotWatch(target);
  let entry = watched.get(target);
  if (!entry) {
    const fresh: Watched = { recorders: new Set(), restore: () => {} };
    fresh.restore = patch(target, fresh);
    watched.set(target, fresh);
    entry = fresh;
  }
  entry.recorders.add(recorder);
  const current = entry;
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    current.recorders.delete(recorder);
    if (current.recorders.size > 0) return;
    watched.delete(target);
    current.restore();
  };
}

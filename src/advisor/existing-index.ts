import type { Index, IndexKey } from '../catalog/model.js';
import type { IndexCandidate } from './index-candidate.js';

/** Spelling-insensitive SQL: `(status = 'published'::text)` and `status = 'published'` compare equal. */
function normalized(sql: string): string {
  return sql
    .toLowerCase()
    .replace(/::[a-z_ ]+(\[\])?/g, '')
    .replace(/[\s()"]/g, '');
}

function sameKey(a: IndexKey, b: IndexKey): boolean {
  const target = (k: IndexKey) => normalized(k.kind === 'column' ? k.column : k.expression);
  return target(a) === target(b) && a.descending === b.descending && (a.opclass ?? '') === (b.opclass ?? '');
}

/** The keys in the reverse direction: a btree scans backwards as cheaply as forwards. */
function reversed(key: IndexKey): IndexKey {
  return { ...key, descending: !key.descending, nullsFirst: !key.nullsFirst };
}

function leads(existing: readonly IndexKey[], keys: readonly IndexKey[]): boolean {
  if (keys.length > existing.length) return false;
  const forward = keys.every((k, i) => existing[i] !== undefined && sameKey(existing[i], k));
  const backward = keys.every((k, i) => existing[i] !== undefined && sameKey(existing[i], reversed(k)));
  return forward || backward;
}

/**
 * An existing index that already is this candidate: same table, method and predicate, the
 * candidate's keys leading its keys (either direction), and its INCLUDE columns among the index's
 * columns. Such a candidate is never suggested, whatever a trial says.
 */
export function duplicateOf(candidate: IndexCandidate, indexes: readonly Index[]): Index | undefined {
  return indexes.find((index) => {
    if (index.table.qualified !== candidate.table || !index.valid) return false;
    if (index.method !== candidate.method) return false;
    if (normalized(index.predicate ?? '') !== normalized(candidate.predicate ?? '')) return false;
    if (!leads(index.keys, candidate.keys)) return false;
    const covered = new Set([
      ...index.include,
      ...index.keys.flatMap((k) => (k.kind === 'column' ? [k.column] : [])),
    ]);
    return candidate.include.every((c) => covered.has(c));
  });
}

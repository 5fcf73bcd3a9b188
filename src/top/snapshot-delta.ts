import { entryKey, type StatEntry, type StatSnapshot } from './stat-entry.js';

function minus(after: StatEntry, before: StatEntry): StatEntry {
  return {
    ...after,
    calls: after.calls - before.calls,
    planMs: after.planMs - before.planMs,
    execMs: after.execMs - before.execMs,
    rows: after.rows - before.rows,
    sharedBlksRead: after.sharedBlksRead - before.sharedBlksRead,
  };
}

/**
 * What happened between two snapshots, per statement (queryid, database, role): a statement new
 * in the second counts whole, and so does one whose counters went down (reset or evicted and seen
 * again in between). Statements not called in between are left out.
 */
export function snapshotDelta(before: StatSnapshot, after: StatSnapshot): StatSnapshot {
  const earlier = new Map(before.entries.map((e) => [entryKey(e), e]));
  const entries = after.entries.flatMap((entry) => {
    const old = earlier.get(entryKey(entry));
    const delta = old && old.calls <= entry.calls ? minus(entry, old) : entry;
    return delta.calls > 0 ? [delta] : [];
  });
  return { takenAt: after.takenAt, entries, hidden: after.hidden };
}

import { describe, expect, it } from 'vitest';
import { snapshotDelta } from '../../src/top/snapshot-delta.js';
import type { StatEntry } from '../../src/top/stat-entry.js';

const entry = (queryid: string, calls: number, userid = 10): StatEntry => ({
  queryid,
  dbid: 5,
  userid,
  query: `SELECT ${queryid}`,
  calls,
  planMs: calls,
  execMs: 2 * calls,
  rows: 3 * calls,
  sharedBlksRead: 4 * calls,
});

describe('snapshotDelta', () => {
  const before = {
    takenAt: 1,
    hidden: 0,
    entries: [entry('a', 10), entry('b', 7), entry('c', 50), entry('a', 1, 11)],
  };
  const after = {
    takenAt: 2,
    hidden: 2,
    entries: [entry('a', 15), entry('b', 7), entry('c', 4), entry('d', 3), entry('a', 1, 11)],
  };
  const delta = snapshotDelta(before, after);
  const of = (queryid: string, userid = 10) =>
    delta.entries.find((e) => e.queryid === queryid && e.userid === userid);

  it('subtracts every counter of a statement seen in both', () => {
    expect(of('a')).toMatchObject({ calls: 5, planMs: 5, execMs: 10, rows: 15, sharedBlksRead: 20 });
  });

  it('counts a statement new in the second snapshot, or reset in between, whole', () => {
    expect(of('d')?.calls).toBe(3);
    expect(of('c')?.calls).toBe(4);
  });

  it('leaves out statements not called in between, per role', () => {
    expect(of('b')).toBeUndefined();
    expect(of('a', 11)).toBeUndefined();
    expect(delta.entries).toHaveLength(3);
    expect(delta.hidden).toBe(2);
  });
});

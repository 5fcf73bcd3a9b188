import { describe, expect, it } from 'vitest';
import { SnapshotCache } from '../../src/serve/snapshot-cache.js';

describe('SnapshotCache', () => {
  it('collects once per interval however many readers ask, and shares a collection in flight', async () => {
    let clock = 0;
    let collections = 0;
    const cache = new SnapshotCache(
      async () => {
        collections += 1;
        return collections;
      },
      10_000,
      () => clock,
    );
    const [a, b] = await Promise.all([cache.current(), cache.current()]);
    expect(a.snapshot?.value).toBe(1);
    expect(b.snapshot?.value).toBe(1);
    clock = 9_999;
    expect((await cache.current()).snapshot?.value).toBe(1);
    clock = 10_000;
    expect((await cache.current()).snapshot?.value).toBe(2);
    expect(collections).toBe(2);
  });

  it('keeps the last good snapshot beside the error of a failed collection', async () => {
    let clock = 0;
    let fail = false;
    const cache = new SnapshotCache(
      async () => {
        if (fail) throw new Error('connection reset');
        return 'ok';
      },
      1_000,
      () => clock,
    );
    expect((await cache.current()).snapshot?.value).toBe('ok');
    fail = true;
    clock = 1_000;
    const after = await cache.current();
    expect(after.snapshot?.value).toBe('ok');
    expect(after.error?.message).toBe('connection reset');
    fail = false;
    clock = 2_000;
    expect((await cache.current()).error).toBeUndefined();
  });
});

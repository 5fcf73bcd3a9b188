import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, isAbandoned, scratchNote } from '../../src/engine/scratch-sweep.js';

/** A pid no process has: above the kernel's pid_max (at most 2^22). */
const GONE = 2 ** 23;
const now = Date.parse('2026-11-26T12:00:00Z');
const recent = new Date(now - 60_000);

describe('isAbandoned', () => {
  it('is true for a scratch database whose process on this machine is gone', () => {
    expect(isAbandoned(scratchNote(GONE, hostname(), recent), 0, now)).toBe(true);
  });

  it('is false while its process lives, while anyone is connected, or when it is not ours', () => {
    expect(isAbandoned(scratchNote(process.pid, hostname(), recent), 0, now)).toBe(false);
    expect(isAbandoned(scratchNote(GONE, hostname(), recent), 1, now)).toBe(false);
    expect(isAbandoned(null, 0, now)).toBe(false);
    expect(isAbandoned('a database someone commented on', 0, now)).toBe(false);
  });

  it('leaves another machine’s database alone for a day, then takes it', () => {
    expect(isAbandoned(scratchNote(GONE, 'elsewhere', recent), 0, now)).toBe(false);
    const old = new Date(now - ABANDONED_AFTER_MS - 1);
    expect(isAbandoned(scratchNote(process.pid, 'elsewhere', old), 0, now)).toBe(true);
  });
});

import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, isAbandoned, scratchName } from '../../src/engine/scratch-sweep.js';

/** A pid no process has: above the kernel's pid_max (at most 2^22). */
const GONE = 2 ** 23;
const now = Date.parse('2026-11-26T12:00:00Z');
const recent = new Date(now - 60_000);

describe('scratch database names', () => {
  it('fit PostgreSQL identifiers and differ each time', () => {
    const a = scratchName(GONE, hostname(), recent);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/^pgvigil_scratch_\d+_[0-9a-f]{8}_[0-9a-z]+_[0-9a-f]{6}$/);
    expect(scratchName(GONE, hostname(), recent)).not.toBe(a);
  });
});

describe('isAbandoned', () => {
  it('is true for a scratch database whose process on this machine is gone', () => {
    expect(isAbandoned(scratchName(GONE, hostname(), recent), 0, now)).toBe(true);
  });

  it('is false while its process lives, while anyone is connected, or when the name is not one of ours', () => {
    expect(isAbandoned(scratchName(process.pid, hostname(), recent), 0, now)).toBe(false);
    expect(isAbandoned(scratchName(GONE, hostname(), recent), 1, now)).toBe(false);
    expect(isAbandoned('pgvigil_scratch_0852ee77d3c9', 0, now)).toBe(false);
    expect(isAbandoned('app_production', 0, now)).toBe(false);
  });

  it('leaves another machine’s database alone for a day, then takes it', () => {
    expect(isAbandoned(scratchName(GONE, 'elsewhere', recent), 0, now)).toBe(false);
    const old = new Date(now - ABANDONED_AFTER_MS - 1000);
    expect(isAbandoned(scratchName(process.pid, 'elsewhere', old), 0, now)).toBe(true);
  });
});

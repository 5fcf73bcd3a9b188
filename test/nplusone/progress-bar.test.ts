import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/nplusone/progress-bar.js';

describe('progressBar', () => {
  it('redraws in place at most every 200 ms and clears itself at the end', () => {
    const out: string[] = [];
    let clock = 1000;
    const bar = progressBar(
      (text) => out.push(text),
      () => clock,
    );
    bar.update('pg.log', 0, 100 * 1048576);
    clock += 250;
    bar.update('pg.log', 50 * 1048576, 100 * 1048576);
    clock += 50;
    bar.update('pg.log', 60 * 1048576, 100 * 1048576);
    bar.end();
    // Two draws (the third update came 50 ms after the second), then the clearing.
    expect(out).toHaveLength(3);
    expect(out[0]?.startsWith(`\r\u001b[Kpg.log [${'.'.repeat(24)}] 0% 0.0 MB of 100 MB`)).toBe(true);
    expect(out[1]).toContain('[############............] 50% 50 MB of 100 MB');
    expect(out[2]).toBe('\r\u001b[K');
  });

  it('says nothing when nothing was drawn', () => {
    const out: string[] = [];
    progressBar((text) => out.push(text)).end();
    expect(out).toEqual([]);
  });
});

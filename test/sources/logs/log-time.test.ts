import { describe, expect, it } from 'vitest';
import { compilePrefix, matchStart } from '../../../src/sources/logs/line-prefix.js';
import { logTimeMs } from '../../../src/sources/logs/log-time.js';

describe('log times', () => {
  it('reads millisecond timestamps and epoch seconds; whole seconds say nothing', () => {
    const a = logTimeMs('2026-01-05 09:00:01.250 UTC');
    const b = logTimeMs('2026-01-05 09:00:02.005 CET');
    expect(a).toBe(Date.UTC(2026, 0, 5, 9, 0, 1, 250));
    expect((b ?? 0) - (a ?? 0)).toBe(755);
    expect(logTimeMs('1767603601.125')).toBe(1_767_603_601_125);
    expect(logTimeMs('2026-01-05 09:00:01 UTC')).toBeUndefined();
    expect(logTimeMs('2026-13-45 99:00:01.000')).toBeUndefined();
    expect(logTimeMs(undefined)).toBeUndefined();
  });

  it('takes the time from %m or %n in a prefix, the first when there are both, none from %t', () => {
    const line = '2026-01-05 09:00:01.250 UTC 1767603601.999 [42] LOG:  statement: SELECT 1';
    const both = matchStart(compilePrefix('%m %n [%p] '), line);
    expect(both).toMatchObject({
      at: '2026-01-05 09:00:01.250',
      session: '42',
      message: 'statement: SELECT 1',
    });
    const seconds = matchStart(
      compilePrefix('%t [%p] '),
      '2026-01-05 09:00:01 UTC [42] LOG:  statement: SELECT 1',
    );
    expect(seconds?.session).toBe('42');
    expect(seconds?.at).toBeUndefined();
  });
});

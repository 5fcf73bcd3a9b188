import { describe, expect, it } from 'vitest';
import { parsePgVersion } from '../../src/static/pg-version.js';

describe('parsePgVersion', () => {
  it('reads majors, major.minor, 9.x and server_version_num as server_version_num', () => {
    expect(['13', '13.4', '130004', '9.6', '9.6.24', '18'].map(parsePgVersion)).toEqual([
      130000, 130004, 130004, 90600, 90624, 180000,
    ]);
  });

  it('refuses what is no PostgreSQL version', () => {
    for (const text of ['', 'x', '9', '13.4.1', '8000', '1300040', 'thirteen'])
      expect(parsePgVersion(text)).toBeUndefined();
  });
});

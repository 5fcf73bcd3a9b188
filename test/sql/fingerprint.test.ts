import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, normalize } from '../../src/sql/fingerprint.js';
import { initSql } from '../../src/sql/parser.js';

beforeAll(initSql);

describe('fingerprint and normalize', () => {
  it('gives queries that differ only in constants, spacing and comments the same fingerprint', () => {
    const a = fingerprint('SELECT * FROM users WHERE id = 1');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('select *  from users -- x\n where id = 42')).toBe(a);
    expect(fingerprint('SELECT * FROM users WHERE email = 1')).not.toBe(a);
  });

  it('replaces constants with parameters', () => {
    expect(normalize("SELECT * FROM t WHERE a = 1 AND b = 'x'")).toBe(
      'SELECT * FROM t WHERE a = $1 AND b = $2',
    );
  });

  it('returns undefined for SQL that does not parse instead of throwing', () => {
    expect(fingerprint('SELEC 1')).toBeUndefined();
    expect(normalize("SELECT 'open")).toBeUndefined();
  });
});

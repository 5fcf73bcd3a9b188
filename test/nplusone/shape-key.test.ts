import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { shapeKey } from '../../src/nplusone/shape-key.js';
import { fingerprintSql, initSql } from '../../src/sql/parser.js';

beforeAll(initSql);

// Pieces of SQL where constants, quoting and comments meet: texts built from them collide on their
// shape key only when they differ in constants, which libpg-query's fingerprint ignores too.
const PIECES = [
  'SELECT a FROM t WHERE b = ',
  'SELECT a FROM t WHERE b IN (',
  ', ',
  ')',
  ' LIMIT ',
  ' OFFSET ',
  " AND c = 'x'",
  " AND c = 'it''s'",
  " AND c = E'a\\'b'",
  ' AND "Odd 1" = ',
  ' AND d = $1',
  ' AND e = 1.5e3',
  ' AND e = -2',
  ' AND f = t1.g',
  ' -- 1\n',
  ' /* 2 */ ',
  ' AND h = $$5$$',
  '::int',
  ' + ',
  '1',
  '2',
  '30',
  "'q'",
  'x1',
];

describe('shapeKey', () => {
  it('equal keys mean equal fingerprints (the cache never mixes two statements)', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [ka, kb] = [shapeKey(a), shapeKey(b)];
        if (ka === undefined || ka !== kb) return;
        expect(fingerprintSql(a)).toBe(fingerprintSql(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('constants fold, identifiers and parameters do not', () => {
    expect(shapeKey("SELECT a FROM t WHERE b = 1 AND c = 'x'")).toBe(
      shapeKey("SELECT a FROM t WHERE b = 42 AND c = 'it''s'"),
    );
    expect(shapeKey('SELECT a FROM t1 WHERE b = $1')).toBe('SELECT a FROM t1 WHERE b = $1');
    expect(shapeKey('SELECT a FROM t WHERE b = 1')).not.toBe(shapeKey('SELECT a FROM t WHERE c = 1'));
    expect(shapeKey('SELECT 1 -- note')).toBeUndefined();
    expect(shapeKey("SELECT 'open")).toBeUndefined();
  });
});

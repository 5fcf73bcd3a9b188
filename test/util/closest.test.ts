import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/util/closest.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});

describe('closest', () => {
  const ids = ['require-fk-index', 'require-concurrent-index', 'ban-drop-column', 'prefer-identity'];

  it('suggests the nearest id for a typo', () => {
    expect(closest('requre-fk-index', ids)).toBe('require-fk-index');
    expect(closest('ban-drop-colum', ids)).toBe('ban-drop-column');
  });

  it('ignores case when comparing', () => {
    expect(closest('Prefer-Identity', ids)).toBe('prefer-identity');
  });

  it('returns undefined when nothing is close', () => {
    expect(closest('totally-unrelated', ids)).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });

  it('takes an abbreviation as a close match', () => {
    expect(closest('warn', ['off', 'error', 'warning', 'info'])).toBe('warning');
    expect(closest('wa', ['off', 'error', 'warning', 'info'])).toBeUndefined();
  });

  it('honours an explicit max distance', () => {
    expect(closest('shema', ['schema'], 0)).toBeUndefined();
    expect(closest('shema', ['schema'], 1)).toBe('schema');
  });
});

import { describe, expect, it } from 'vitest';
import { initSql, parseSql } from '../../src/sql/parser.js';

describe('initSql', () => {
  it('makes use before init a clear programming error, and init idempotent', async () => {
    expect(() => parseSql('SELECT 1')).toThrow(/call `await initSql\(\)`/);
    const first = initSql();
    expect(initSql()).toBe(first);
    await first;
    await initSql();
    expect(parseSql('SELECT 1').ok).toBe(true);
  });

  it('reports the cursor of a syntax error in code points, 0-based', async () => {
    await initSql();
    const text = "SELECT '😀é' FRM t";
    const outcome = parseSql(text);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.cursorPosition).toBe([...text].indexOf('t', 12));
  });
});

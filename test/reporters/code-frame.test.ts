import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/reporters/code-frame.js';

describe('codeFrame', () => {
  const source = 'BEGIN;\nALTER TABLE orders\n  ALTER COLUMN total TYPE numeric;\nCOMMIT;\n';

  it('underlines a multi-line span from its start to the end of its first line and up to its end on the last', () => {
    expect(codeFrame(source, { line: 2, column: 7, endLine: 3, endColumn: 20 })).toEqual([
      '1 | BEGIN;',
      '2 | ALTER TABLE orders',
      '  |       ^^^^^^^^^^^^',
      '3 |   ALTER COLUMN total TYPE numeric;',
      '  |   ^^^^^^^^^^^^^^^^^',
      '4 | COMMIT;',
    ]);
  });

  it('underlines the whole line when only a line is known', () => {
    expect(codeFrame(source, { line: 4 })).toEqual([
      '3 |   ALTER COLUMN total TYPE numeric;',
      '4 | COMMIT;',
      '  | ^^^^^^^',
    ]);
  });

  it('points at the empty line after the final newline when the span is there (end of input)', () => {
    expect(codeFrame(source, { line: 5, column: 1 })).toEqual(['4 | COMMIT;', '5 |', '  | ^']);
  });

  it('blanks control characters, C1 included (0x9b is a CSI on some terminals), and keeps the caret under the span', () => {
    const rows = codeFrame('SELECT 1;\nDROP\u009b[2J\u001b[H\u007f TABLE x;\n', {
      line: 2,
      column: 14,
      endColumn: 19,
    });
    expect(rows).toEqual(['1 | SELECT 1;', '2 | DROP [2J [H  TABLE x;', '  |              ^^^^^']);
  });

  it('prints nothing for a line outside the text', () => {
    expect(codeFrame(source, { line: 9, column: 1 })).toEqual([]);
    expect(codeFrame(source, { line: 0 })).toEqual([]);
  });

  it('shows a window of a very long line around the span, not all of it', () => {
    const columns = Array.from({ length: 20_000 }, (_, i) => `${i} AS c${i}`).join(', ');
    const line = `SELECT ${columns} FROM nope;`;
    const column = line.indexOf('nope') + 1;
    const rows = codeFrame(`${line}\n`, { line: 1, column, endColumn: column + 4 });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.length).toBeLessThan(220);
    expect(rows[0]).toMatch(/^1 \| …\d.* FROM nope;$/);
    // The carets are still under the name.
    expect(rows[1]?.indexOf('^')).toBe(rows[0]?.indexOf('nope'));
    expect(rows[1]).toMatch(/\^{4}$/);
  });

  it('cuts a long line at its start when the span is there, and carets to the end of a line stop before the …', () => {
    const line = `SELECT ${'x'.repeat(500)}`;
    const rows = codeFrame(`${line}\nCOMMIT;`, { line: 1, column: 1, endLine: 2, endColumn: 1 });
    expect(rows[0]).toBe(`1 | SELECT ${'x'.repeat(193)}…`);
    expect(rows[1]).toBe(`  | ${'^'.repeat(200)}`);
  });
});

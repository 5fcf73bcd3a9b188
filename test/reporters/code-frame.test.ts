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

  it('prints nothing for a line outside the text', () => {
    expect(codeFrame(source, { line: 9, column: 1 })).toEqual([]);
    expect(codeFrame(source, { line: 0 })).toEqual([]);
  });
});

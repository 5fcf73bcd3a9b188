import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/sql/positions.js';

/** Byte offset of the first occurrence of `needle`, computed independently with Buffer. */
function byteOffsetOf(text: string, needle: string): number {
  return Buffer.from(text, 'utf8').indexOf(Buffer.from(needle, 'utf8'));
}

describe('SourceText.byteToIndex', () => {
  const cases = [
    ['é (2 bytes)', "select 'é' as x;"],
    ['CJK (3 bytes)', "select '表格' as x;"],
    ['emoji (4 bytes, surrogate pair)', "select '😀👍' as x;"],
    ['mixed', "-- ü 😀 中\nselect 'é😀' as x;"],
  ] as const;
  for (const [name, text] of cases) {
    it(`maps byte offsets after ${name} to string indices`, () => {
      const source = SourceText.from(text);
      expect(source.byteToIndex(byteOffsetOf(text, 'as x'))).toBe(text.indexOf('as x'));
      expect(source.byteToIndex(Buffer.byteLength(text))).toBe(text.length);
      expect(source.byteLength).toBe(Buffer.byteLength(text));
    });
  }

  it('maps a byte inside a multi-byte character to that character', () => {
    const text = 'a😀b';
    const source = SourceText.from(text);
    for (const byte of [1, 2, 3, 4]) expect(source.byteToIndex(byte)).toBe(1);
    expect(source.byteToIndex(5)).toBe(3);
  });
});

describe('SourceText.codePointsToIndex', () => {
  it('steps over surrogate pairs as one code point', () => {
    const source = SourceText.from('😀😀x');
    expect(source.codePointsToIndex(0, 2)).toBe(4);
    expect(source.codePointsToIndex(2, 1)).toBe(4);
  });
});

describe('SourceText.indexToLineColumn', () => {
  it('counts LF, CRLF and lone CR as one line break each', () => {
    const text = 'a\nb\r\nc\rd';
    const source = SourceText.from(text);
    expect(source.indexToLineColumn(text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    expect(source.indexToLineColumn(text.indexOf('c'))).toEqual({ line: 3, column: 1 });
    expect(source.indexToLineColumn(text.indexOf('d'))).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in UTF-16 code units', () => {
    const text = "x\n  '😀' y";
    expect(SourceText.from(text).indexToLineColumn(text.indexOf('y'))).toEqual({ line: 2, column: 8 });
  });

  it('does not give a leading BOM a column, but keeps it in indices', () => {
    const text = '\uFEFFselect 1;\nselect 2;';
    const source = SourceText.from(text);
    expect(source.indexToLineColumn(1)).toEqual({ line: 1, column: 1 });
    expect(source.indexToLineColumn(text.indexOf('1'))).toEqual({ line: 1, column: 8 });
    expect(source.indexToLineColumn(text.indexOf('2'))).toEqual({ line: 2, column: 8 });
    expect(source.parseText).toHaveLength(text.length);
    expect(source.parseText.startsWith('\uFEFF')).toBe(false);
  });
});

describe('SourceText.spanOf and blank', () => {
  it('gives an exclusive end column', () => {
    const text = 'select\r\n  abc;';
    const start = text.indexOf('abc');
    expect(SourceText.from(text).spanOf('f.sql', start, start + 3)).toEqual({
      file: 'f.sql',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 6,
    });
  });

  it('blanks ranges in parseText only, keeping line breaks, length and the text as read', () => {
    const text = '\\c é\r\nselect 1;';
    const blanked = SourceText.from(text).blank([{ start: 0, end: text.indexOf('\r') }]);
    expect(blanked.text).toBe(text);
    expect(blanked.parseText).toBe(`    \r\nselect 1;`);
    expect(blanked.byteToIndex(byteOffsetOf(blanked.parseText, 'select'))).toBe(text.indexOf('select'));
  });
});

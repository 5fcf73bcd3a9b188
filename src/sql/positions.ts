import type { SourceSpan } from '../diagnostics/source-span.js';

export interface LineColumn {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units; a leading BOM is not counted. */
  readonly column: number;
}

export interface TextRange {
  /** UTF-16 index, inclusive. */
  readonly start: number;
  /** UTF-16 index, exclusive. */
  readonly end: number;
}

const BOM = '\uFEFF';

/**
 * The one place where libpg-query's UTF-8 byte offsets become JavaScript string indices and
 * editor line/column positions.
 *
 * `text` is the file as read. `parseText` is what the parser sees: the same UTF-16 length and the
 * same line breaks, with a leading BOM and any blanked ranges (psql meta-commands, COPY data)
 * replaced by spaces. Because the lengths agree, every index is valid in both strings; byte
 * offsets are always relative to `parseText`, since that is what was parsed. A BOM keeps its
 * index (so fixes edit the file as read) but takes no column, as in editors.
 */
export class SourceText {
  readonly lineStarts: readonly number[];
  private readonly byteToIndexMap: Int32Array | undefined;
  private readonly bomLength: number;

  private constructor(
    readonly text: string,
    readonly parseText: string,
  ) {
    this.bomLength = text.startsWith(BOM) ? 1 : 0;
    this.lineStarts = computeLineStarts(text);
    this.byteToIndexMap = isAscii(parseText) ? undefined : computeByteMap(parseText);
  }

  static from(text: string): SourceText {
    return new SourceText(text, text.startsWith(BOM) ? ` ${text.slice(1)}` : text);
  }

  /** A copy whose parseText has the ranges replaced by spaces, keeping line breaks. */
  blank(ranges: readonly TextRange[]): SourceText {
    if (ranges.length === 0) return this;
    const parts: string[] = [];
    let cursor = 0;
    for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
      parts.push(
        this.parseText.slice(cursor, start),
        this.parseText.slice(start, end).replace(/[^\r\n]/g, ' '),
      );
      cursor = end;
    }
    parts.push(this.parseText.slice(cursor));
    return new SourceText(this.text, parts.join(''));
  }

  get byteLength(): number {
    return this.byteToIndexMap ? this.byteToIndexMap.length - 1 : this.parseText.length;
  }

  /** UTF-8 byte offset into parseText → UTF-16 index. Offsets inside a character map to its start. */
  byteToIndex(byteOffset: number): number {
    const clamped = Math.max(0, Math.min(byteOffset, this.byteLength));
    return this.byteToIndexMap ? (this.byteToIndexMap[clamped] ?? this.parseText.length) : clamped;
  }

  /** The index reached by stepping `codePoints` Unicode code points forward from `fromIndex`. */
  codePointsToIndex(fromIndex: number, codePoints: number): number {
    let index = fromIndex;
    for (let n = 0; n < codePoints && index < this.parseText.length; n++) {
      index += isHighSurrogateAt(this.parseText, index) ? 2 : 1;
    }
    return index;
  }

  indexToLineColumn(index: number): LineColumn {
    const clamped = Math.max(0, Math.min(index, this.text.length));
    const lineIndex = lastLineStartAtOrBefore(this.lineStarts, clamped);
    const lineStart = this.lineStarts[lineIndex] ?? 0;
    const bomShift = lineIndex === 0 && clamped >= this.bomLength ? this.bomLength : 0;
    return { line: lineIndex + 1, column: clamped - lineStart - bomShift + 1 };
  }

  /** The span from `start` to `end` (exclusive); endColumn is the column just after the last character. */
  spanOf(file: string, start: number, end: number): SourceSpan {
    const from = this.indexToLineColumn(start);
    const to = this.indexToLineColumn(Math.max(start, end));
    return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

function computeByteMap(text: string): Int32Array {
  // Buffer counts a lone surrogate as U+FFFD (3 bytes), as the parser's input encoding does.
  const total = Buffer.byteLength(text, 'utf8');
  const map = new Int32Array(total + 1);
  let byte = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    map[byte++] = index;
    if (code < 0x80) continue;
    map[byte++] = index;
    if (code < 0x800) continue;
    map[byte++] = index;
    if (!isHighSurrogateAt(text, index)) continue;
    map[byte++] = index;
    index++;
  }
  map[total] = text.length;
  return map;
}

/** CRLF, LF and a lone CR each end one line. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x0a || (char === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) starts.push(index + 1);
  }
  return starts;
}

function lastLineStartAtOrBefore(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

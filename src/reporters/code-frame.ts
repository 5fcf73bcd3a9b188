import { type LineWindow, lineWindow } from './line-window.js';
import { layoutLine } from './text-width.js';

/** Beyond this many source lines a frame shows its head and tail around an ellipsis. */
export const MAX_FRAME_LINES = 8;
const TAIL_LINES = 2;

export interface FrameSpan {
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  /** Exclusive: one past the last UTF-16 column of the span, as in SARIF. */
  readonly endColumn?: number;
}

export interface FrameStyle {
  readonly gutter: (text: string) => string;
  readonly marker: (text: string) => string;
}

const PLAIN: FrameStyle = { gutter: (text) => text, marker: (text) => text };

/**
 * The lines of `source` covered by `span`, one line of context around them, a line-number gutter and
 * carets under the span. Empty when the span lies outside the text (a stale source, a wrong line).
 */
export function codeFrame(source: string, span: FrameSpan, style: FrameStyle = PLAIN): readonly string[] {
  const lines = source.split(/\r?\n/);
  if (span.line < 1 || span.line > lines.length) return [];
  const endLine = Math.min(Math.max(span.endLine ?? span.line, span.line), lines.length);
  const first = Math.max(1, span.line - 1);
  // The empty "line" after a final newline is no context worth printing, unless the span is on it.
  const lastLine = lines.at(-1) === '' && endLine < lines.length ? lines.length - 1 : lines.length;
  const last = Math.min(lastLine, endLine + 1);
  const gutterWidth = String(last).length;
  const rows: string[] = [];
  const shown = visibleLines(first, last);
  for (const [position, number] of shown.entries()) {
    const previous = shown[position - 1];
    if (previous !== undefined && number > previous + 1) {
      rows.push(gutterRow(style, gutterWidth, '…', `${number - previous - 1} more lines`));
    }
    const raw = lines[number - 1] ?? '';
    const window = lineWindow(raw, number === span.line ? (span.column ?? 1) : 1);
    const laidOut = layoutLine(window.text);
    rows.push(gutterRow(style, gutterWidth, String(number), laidOut.text));
    const underline = underlineFor(number, laidOut, raw, window, span, endLine);
    if (underline) {
      const [start, length] = underline;
      rows.push(gutterRow(style, gutterWidth, '', ' '.repeat(start) + style.marker('^'.repeat(length))));
    }
  }
  return rows;
}

function visibleLines(first: number, last: number): readonly number[] {
  const all = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  if (all.length <= MAX_FRAME_LINES) return all;
  return [...all.slice(0, MAX_FRAME_LINES - TAIL_LINES), ...all.slice(-TAIL_LINES)];
}

/**
 * [start cell, length] of the carets under line `number`, or undefined when it gets none. Columns
 * are the whole line's (`raw`); `window` says where they are in the part of it shown.
 */
function underlineFor(
  number: number,
  laidOut: ReturnType<typeof layoutLine>,
  raw: string,
  window: LineWindow,
  span: FrameSpan,
  endLine: number,
): readonly [number, number] | undefined {
  const startsHere = number === span.line;
  const endsHere = number === endLine;
  if (!startsHere && !endsHere) return undefined;
  const column = span.column ?? 1;
  const cellAt = (original: number) => laidOut.cellAt(window.column(original));
  const lineEnd = cellAt(raw.length + 1);
  const startCell = startsHere ? cellAt(column) : cellAt(firstNonBlankColumn(raw));
  const endCell = !endsHere
    ? lineEnd
    : span.endColumn !== undefined
      ? cellAt(span.endColumn)
      : span.column !== undefined && span.endLine === undefined
        ? cellAt(column + 1)
        : lineEnd;
  if (endCell > startCell) return [startCell, endCell - startCell];
  // A span that starts at the end of a line still deserves one caret; a span that merely ends at a line's start does not.
  return startsHere ? [startCell, 1] : undefined;
}

function firstNonBlankColumn(line: string): number {
  const match = /\S/.exec(line);
  return match ? match.index + 1 : 1;
}

function gutterRow(style: FrameStyle, width: number, label: string, text: string): string {
  return `${style.gutter(`${label.padStart(width)} |`)} ${text}`.trimEnd();
}

import { isTerminalControl } from './printable.js';

/** Tab stops every 4 cells: wide enough to read, narrow enough for SQL indented with tabs. */
export const TAB_WIDTH = 4;

export interface LaidOutLine {
  /** The line as it should be printed: tabs expanded, control characters blanked. */
  readonly text: string;
  /** Display cell (0-based) where the character at a 1-based UTF-16 column starts. */
  cellAt(column: number): number;
  /** Total display width of the line. */
  readonly width: number;
}

/**
 * Lays a source line out in terminal cells so a caret can be put under a UTF-16 column:
 * tabs, wide CJK characters, emoji and combining marks would otherwise shift it.
 */
export function layoutLine(line: string): LaidOutLine {
  const cells: number[] = [];
  let text = '';
  let cell = 0;
  for (let index = 0; index < line.length; ) {
    const codePoint = line.codePointAt(index) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    for (let unit = 0; unit < units; unit++) cells.push(cell);
    if (codePoint === 0x09) {
      const width = TAB_WIDTH - (cell % TAB_WIDTH);
      text += ' '.repeat(width);
      cell += width;
    } else if (isTerminalControl(codePoint)) {
      text += ' ';
      cell += 1;
    } else {
      text += String.fromCodePoint(codePoint);
      cell += charWidth(codePoint);
    }
    index += units;
  }
  cells.push(cell);
  return {
    text,
    width: cell,
    cellAt: (column) => cells[Math.min(Math.max(column - 1, 0), cells.length - 1)] ?? cell,
  };
}

const COMBINING = /^[\p{Mn}\p{Me}]$/u;
// Zero-width spaces, joiners and direction marks; variation selectors.
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
];
const EMOJI = /\p{Emoji_Presentation}/u;

// East Asian Wide and Fullwidth blocks: the characters terminals draw two cells wide.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function charWidth(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (COMBINING.test(char) || inRanges(codePoint, ZERO_WIDTH_RANGES)) return 0;
  if (EMOJI.test(char)) return 2;
  return inRanges(codePoint, WIDE_RANGES) ? 2 : 1;
}

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/**
 * Beyond this many UTF-16 units a source line is shown as a window around what the frame points
 * at: one generated or minified line of megabytes must not print megabytes, twice.
 */
export const MAX_FRAME_LINE = 200;
/** How much of the line before the point the window keeps. */
const LEAD = 60;
const ELLIPSIS = '…';

export interface LineWindow {
  /** The part of the line shown, with … where it was cut. */
  readonly text: string;
  /** Where a 1-based column of the whole line is in `text`; a column outside the window is put at its edge. */
  column(original: number): number;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The line itself when it is short; else MAX_FRAME_LINE units of it from a little before `focusColumn`. */
export function lineWindow(line: string, focusColumn: number): LineWindow {
  if (line.length <= MAX_FRAME_LINE) return { text: line, column: (original) => original };
  let start = Math.max(0, Math.min(focusColumn - 1 - LEAD, line.length - MAX_FRAME_LINE));
  // Never half a surrogate pair at either edge.
  if (start > 0 && isLowSurrogate(line.charCodeAt(start))) start -= 1;
  let end = start + MAX_FRAME_LINE;
  if (isLowSurrogate(line.charCodeAt(end))) end += 1;
  const head = start > 0 ? ELLIPSIS : '';
  const tail = end < line.length ? ELLIPSIS : '';
  const text = head + line.slice(start, end) + tail;
  const first = 1 + head.length;
  const last = text.length + 1 - tail.length;
  return {
    text,
    column: (original) => Math.min(Math.max(original - start + head.length, first), last),
  };
}

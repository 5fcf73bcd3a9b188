/** Index just past the next '\n' at or after `from`, or the text's length. */
export function nextLineStart(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline + 1;
}

/** Index of the line break (CRLF or LF) that ends the line containing `from`, or the text's length. */
export function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

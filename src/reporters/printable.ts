/** C0 and C1 control characters but tab and line breaks, and DEL: what a terminal would act on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal with its control characters shown as U+FFFD: a message can quote a binary
 * file's bytes (PostgreSQL's `syntax error at or near "…"`), and a raw ESC would recolour, move
 * or clear the user's terminal. Code frames blank them in layoutLine.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

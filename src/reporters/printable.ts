/** C0 and C1 control characters but tab and line breaks, and DEL: what a terminal would act on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Whether a terminal would act on this code point rather than print it: C0 (tab and line breaks
 * included; callers that keep them handle them first), DEL, and C1, whose 0x9b is a CSI on some
 * terminals.
 */
export function isTerminalControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/**
 * Text for a terminal with its control characters shown as U+FFFD: a message can quote a binary
 * file's bytes (PostgreSQL's `syntax error at or near "…"`), and a raw ESC would recolour, move
 * or clear the user's terminal. Code frames blank them in layoutLine.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

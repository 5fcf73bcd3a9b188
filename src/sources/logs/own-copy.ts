/**
 * A copy of a string that owns its characters. Lines are slices of a whole decoded chunk of the
 * file, and V8 keeps that chunk alive for as long as any slice of it lives: an event held in a
 * session's history would pin a megabyte of log. Concatenating flattens into a new string, and the
 * slice of that one pins only itself.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

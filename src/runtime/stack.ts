import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One frame of a call stack, as V8 printed it. */
export interface StackFrame {
  /** Absolute path (file: URLs are turned into paths). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly function?: string;
}

// Frames of pgvigil's runtime itself: whether it runs from src/ (its own tests) or from dist/.
const OWN_DIR = `${dirname(fileURLToPath(import.meta.url))}${sep}`;
// ORMs and query builders add many frames above the driver call: look deep enough to get past them.
const DEPTH = 50;
const APPLICATION_FRAMES = 5;
const FRAME = /^\s*at (?:(?:async )?(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

/** The raw call stack of the caller's caller (the patched driver method's caller and up). */
export function captureStack(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = DEPTH;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, captureStack);
  Error.stackTraceLimit = limit;
  return holder.stack ?? '';
}

function parseFrame(text: string): StackFrame | undefined {
  const match = FRAME.exec(text);
  if (!match) return undefined;
  const [, fn, location = '', line = '0', column = '0'] = match;
  const file = location.startsWith('file://') ? fileURLToPath(location) : location;
  return { file, line: Number(line), column: Number(column), ...(fn && { function: fn }) };
}

const isApplication = (frame: StackFrame): boolean =>
  frame.file.startsWith(sep) || /^[A-Za-z]:\\/.test(frame.file)
    ? !frame.file.includes(`${sep}node_modules${sep}`) && !frame.file.startsWith(OWN_DIR)
    : false;

/**
 * The frames of the application in a stack, innermost first: outside node_modules, outside
 * pgvigil and outside Node's own modules (`node:…`, `internal/…`, which are not absolute paths).
 */
export function applicationFrames(stack: string): readonly StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const frame = parseFrame(line);
    if (!frame || !isApplication(frame)) continue;
    frames.push(frame);
    if (frames.length === APPLICATION_FRAMES) break;
  }
  return frames;
}

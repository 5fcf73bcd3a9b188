import { dirname, isAbsolute, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One frame of a call stack, as V8 printed it. */
export interface StackFrame {
  /** Absolute path (file: URLs are turned into paths). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly function?: string;
}

// Frames of pgvigil's runtime itself, from dist/ or from src/: source maps (vitest applies them)
// turn dist/runtime/*.js frames into src/runtime/*.ts ones.
const PACKAGE_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const OWN_DIRS = ['src', 'dist'].map((dir) => `${join(PACKAGE_ROOT, dir, 'runtime')}${sep}`);
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

const isApplication = ({ file }: StackFrame): boolean =>
  isAbsolute(file) &&
  !file.includes(`${sep}node_modules${sep}`) &&
  !OWN_DIRS.some((dir) => file.startsWith(dir));

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

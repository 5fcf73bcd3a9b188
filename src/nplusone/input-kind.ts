import { open, stat } from 'node:fs/promises';
import { isCodeFile } from '../sources/code/code-files.js';
import { isStdin } from '../util/stdin.js';

export type InputKind = 'code-dir' | 'code' | 'trace' | 'log' | 'missing';

const SNIFF_BYTES = 64 * 1024;

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** What an `n1` argument is: a source folder, a code file, an OTLP JSON trace, or a server log. */
export async function inputKind(path: string): Promise<InputKind> {
  // Standard input is read once, as it comes: a log, like a pipe.
  if (isStdin(path)) return 'log';
  const info = await stat(path).catch(() => undefined);
  if (!info) return 'missing';
  if (info.isDirectory()) return 'code-dir';
  if (isCodeFile(path)) return 'code';
  // A pipe (`<(kubectl logs …)`, a named pipe) cannot be looked into and read again: it is read as a log.
  if (!info.isFile()) return 'log';
  // jsonlog lines start with `{` too; only a trace has resourceSpans.
  if (/\.jsonl?$/.test(path) && (await head(path)).includes('"resourceSpans"')) return 'trace';
  return 'log';
}

import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

/** The argument that stands for standard input, as for cat, psql -f and most tools. */
export const STDIN_ARGUMENT = '-';

/** Standard input as a path inside pgvigil, and as findings and messages name it. */
export const STDIN = '<stdin>';

/** `-` becomes STDIN; any other argument is a path (or a query) as given. */
export function inputPath(argument: string): string {
  return argument === STDIN_ARGUMENT ? STDIN : argument;
}

export function isStdin(path: string): boolean {
  return path === STDIN;
}

// Standard input can be read once per process: this is its one reader, and what it read.
let reading: Promise<string> | undefined;
let read: string | undefined;

/** All of standard input as text (UTF-8), read once however often it is asked for. */
export function stdinText(): Promise<string> {
  reading ??= text(process.stdin).then((whole) => {
    read = whole;
    return whole;
  });
  return reading;
}

/** Standard input's text for a synchronous reader (FileTexts), once stdinText() has read it. */
export function stdinTextRead(): string {
  if (read === undefined)
    throw new Error(
      'pgvigil: await stdinText() before reading standard input synchronously (programming error).',
    );
  return read;
}

/** Standard input as a stream, for logs read in constant memory. */
export function stdinStream(): Readable {
  return process.stdin;
}

/** A file's text, or standard input's for STDIN. */
export async function readInputText(path: string): Promise<string> {
  return isStdin(path) ? stdinText() : readFile(path, 'utf8');
}

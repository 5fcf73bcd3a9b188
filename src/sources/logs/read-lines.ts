import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isStdin, stdinStream } from '../../util/stdin.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const NEWLINE = 0x0a;
// A line longer than this is cut: one runaway line must not hold the whole file in memory.
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Where and why a file stopped being readable before its end (a truncated or corrupt gzip). */
export interface ReadBreak {
  readonly line: number;
  readonly reason: string;
}

/**
 * Whether the stream starts with gzip's magic bytes, read from the stream itself and put back: a
 * second open would read a pipe (`pgvigil n1 <(kubectl logs …)`) from a position it does not have.
 */
async function isGzip(raw: Readable): Promise<boolean> {
  await once(raw, 'readable');
  const head = raw.read() as Buffer | null;
  if (head === null) return false;
  raw.unshift(head);
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** UTF-8 text of some bytes; pure ASCII (most logs) takes the copy-only path, many times faster. */
function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

const hasBom = (bytes: Buffer): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  return text.includes('\r') ? lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)) : lines;
}

/**
 * The file's lines, a stream chunk's worth at a time: memory stays flat on a log of many GB, and
 * the readers loop over arrays instead of paying an await per line. Each chunk is cut at its last
 * newline byte and decoded once, so a character split across chunks is never torn and the tail is
 * carried as bytes. Gzip is read by its magic bytes.
 */
export interface ReadWatch {
  /** Called once when the file cannot be read to its end. */
  readonly onBreak?: (broken: ReadBreak) => void;
  /** Called after each chunk with the file's bytes read so far (compressed bytes for gzip) and its size. */
  readonly onProgress?: (read: number, size: number) => void;
}

export async function* readLineBatches(file: string, watch: ReadWatch = {}): AsyncGenerator<string[]> {
  // Standard input has no size to show progress against, and is read as it comes.
  const stdin = isStdin(file);
  const size = watch.onProgress && !stdin ? (await stat(file)).size : 0;
  const onDisk = stdin ? undefined : createReadStream(file, { highWaterMark: 1024 * 1024 });
  const raw: Readable = onDisk ?? stdinStream();
  const gzip = await isGzip(raw);
  const stream: Readable = gzip ? raw.pipe(createGunzip({ chunkSize: 1024 * 1024 })) : raw;
  let rest: Buffer | undefined;
  let lines = 0;
  const batch = (text: string): string[] => {
    const out = linesOf(text);
    lines += out.length;
    return out;
  };
  try {
    let first = true;
    for await (const chunk of stream) {
      // A byte order mark (an editor's save) is not part of the first line.
      const bytes = first && hasBom(chunk as Buffer) ? (chunk as Buffer).subarray(3) : (chunk as Buffer);
      first = false;
      if (onDisk) watch.onProgress?.(onDisk.bytesRead, size);
      const cut = bytes.lastIndexOf(NEWLINE);
      if (cut < 0) {
        rest = rest ? Buffer.concat([rest, bytes]) : bytes;
        if (rest.length > MAX_LINE_BYTES) {
          yield batch(decode(rest));
          rest = undefined;
        }
        continue;
      }
      // The carried partial line is joined with its end alone; the bulk is decoded in place.
      const firstNewline = rest ? bytes.indexOf(NEWLINE) : -1;
      const out = firstNewline === cut ? [] : batch(decode(bytes.subarray(firstNewline + 1, cut)));
      if (rest) out.unshift(...batch(decode(Buffer.concat([rest, bytes.subarray(0, firstNewline)]))));
      rest = cut + 1 < bytes.length ? bytes.subarray(cut + 1) : undefined;
      yield out;
    }
    if (rest) yield batch(decode(rest));
  } catch (error) {
    // Only the decompressor fails on content; a read error of the file itself is not ours to hide.
    if (!gzip || !(error instanceof Error) || !('code' in error) || !String(error.code).startsWith('Z_'))
      throw error;
    if (rest) yield batch(decode(rest));
    watch.onBreak?.({
      line: lines + 1,
      reason: `the gzip data ends or breaks after line ${lines} (${error.message})`,
    });
  } finally {
    raw.destroy();
  }
}

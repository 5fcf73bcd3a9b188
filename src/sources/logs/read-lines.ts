import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b];

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * The file's lines, a stream chunk's worth at a time: memory stays flat on a log of many GB, and
 * the readers loop over arrays instead of paying an await per line. Gzip is read by its magic bytes.
 */
export async function* readLineBatches(file: string): AsyncGenerator<string[]> {
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const stream: Readable = (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of stream) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      yield lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    }
    const last = rest + decoder.end();
    if (last !== '') yield [last];
  } finally {
    raw.destroy();
  }
}

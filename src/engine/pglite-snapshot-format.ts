import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A PGlite data directory frozen after a clean shutdown: loading it skips initdb and crash recovery.
 * Layout (gzipped): u32le header length, JSON header, then every file's bytes in header order.
 * Our own format, not tar: PGlite's JS untar costs more than the whole rest of the load.
 */
const FORMAT = 1;

export interface SnapshotFile {
  /** Relative to the data directory, '/'-separated. */
  readonly path: string;
  /** undefined for a directory */
  readonly data?: Uint8Array;
}

export interface Snapshot {
  /** Version of @electric-sql/pglite that wrote it; another version must not load it. */
  readonly pgliteVersion: string;
  readonly files: readonly SnapshotFile[];
}

interface Header {
  readonly format: number;
  readonly pgliteVersion: string;
  readonly entries: readonly { readonly path: string; readonly size?: number }[];
}

function walk(root: string, rel = ''): SnapshotFile[] {
  return readdirSync(join(root, rel))
    .sort()
    .flatMap((name) => {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) return [{ path }, ...walk(root, path)];
      return [{ path, data: readFileSync(join(root, path)) }];
    });
}

export function packSnapshot(dataDir: string, pgliteVersion: string): Buffer {
  const files = walk(dataDir);
  const entries = files.map((f) => (f.data ? { path: f.path, size: f.data.byteLength } : { path: f.path }));
  const header = Buffer.from(JSON.stringify({ format: FORMAT, pgliteVersion, entries } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength);
  return gzipSync(Buffer.concat([length, header, ...files.flatMap((f) => (f.data ? [f.data] : []))]));
}

/**
 * gzip's trailer holds the inflated size (mod 2^32): inflating into one chunk of that size spares
 * zlib a chunk list and the final concatenation, half the cost for a 40 MB snapshot. Only a hint:
 * a wrong value still inflates correctly.
 */
function inflatedSizeHint(gzipped: Uint8Array): number {
  const minimum = 64 * 1024;
  if (gzipped.byteLength < 4) return minimum;
  const view = new DataView(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength);
  return Math.min(Math.max(view.getUint32(gzipped.byteLength - 4, true), minimum), 1 << 30);
}

/** undefined when the bytes are not a snapshot this code can read. */
export function unpackSnapshot(gzipped: Uint8Array): Snapshot | undefined {
  const raw = gunzipSync(gzipped, { chunkSize: inflatedSizeHint(gzipped) });
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.format !== FORMAT) return undefined;
  let offset = 4 + headerLength;
  const files = header.entries.map(({ path, size }): SnapshotFile => {
    if (size === undefined) return { path };
    // A plain Uint8Array view, not a Buffer: MEMFS copies with slice(), which on a Buffer would
    // share the bytes and let one engine write into every other engine's data directory.
    const data = new Uint8Array(raw.buffer, raw.byteOffset + offset, size);
    offset += size;
    return { path, data };
  });
  return { pgliteVersion: header.pgliteVersion, files };
}

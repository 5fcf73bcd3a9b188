import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Snapshot, unpackSnapshot } from './pglite-snapshot-format.js';

/** Points at a snapshot to use instead of the packaged one (tests build their own when dist has none). */
export const SNAPSHOT_ENV = 'PGVIGIL_PGLITE_SNAPSHOT';

/** dist/pglite-snapshot.gz of this package; the same relative path works from src/engine and dist/engine. */
export const PACKAGED_SNAPSHOT = fileURLToPath(new URL('../../dist/pglite-snapshot.gz', import.meta.url));

export function installedPgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** The usable snapshot, unpacked once per process; null when there is none (run initdb). */
let cached: Snapshot | null | undefined;

function unpackUsable(bytes: Buffer): Snapshot | undefined {
  try {
    const snapshot = unpackSnapshot(bytes);
    return snapshot?.pgliteVersion === installedPgliteVersion() ? snapshot : undefined;
  } catch {
    // A damaged snapshot only costs speed: PGlite will run initdb instead.
    return undefined;
  }
}

/** The snapshot at path if it exists, is intact and was made by the installed PGlite. */
export function readSnapshotFile(path: string): Snapshot | undefined {
  return existsSync(path) ? unpackUsable(readFileSync(path)) : undefined;
}

/**
 * The snapshot for the installed PGlite; undefined means "run initdb". Inflating costs about 0.4 s,
 * so it happens once per process: the result is shared and read-only, and every instance copies
 * the files it loads (SnapshotFS), so no two engines share a data directory.
 */
export async function loadPgliteSnapshot(): Promise<Snapshot | undefined> {
  if (cached === undefined) cached = readSnapshotFile(process.env[SNAPSHOT_ENV] || PACKAGED_SNAPSHOT) ?? null;
  return cached ?? undefined;
}

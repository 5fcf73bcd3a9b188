import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { installedPgliteVersion, PACKAGED_SNAPSHOT } from './pglite-snapshot.js';
import { packSnapshot } from './pglite-snapshot-format.js';

/**
 * Runs initdb once, on disk, and shuts the cluster down cleanly, then packs the data directory.
 * Run at build time so that `pgvigil check` does not pay for initdb on every start.
 */
export async function buildPgliteSnapshot(outFile: string = PACKAGED_SNAPSHOT): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pgvigil-pglite-snapshot-'));
  try {
    const db = await PGlite.create({ dataDir });
    await db.close();
    // Written aside and renamed: concurrent test runs may build the same file at once.
    const partial = `${outFile}.${process.pid}.partial`;
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(partial, packSnapshot(dataDir, installedPgliteVersion()));
    renameSync(partial, outFile);
    return outFile;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await buildPgliteSnapshot(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`pgvigil: wrote PGlite snapshot ${written}`);
}

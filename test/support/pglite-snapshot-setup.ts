import { buildPgliteSnapshot } from '../../src/engine/build-pglite-snapshot.js';
import { PACKAGED_SNAPSHOT, readSnapshotFile } from '../../src/engine/pglite-snapshot.js';

/**
 * Makes sure dist holds a snapshot for the installed PGlite (npm run build makes one; a fresh checkout or a
 * PGlite upgrade may lack it), so every PGlite a test opens skips initdb exactly like the shipped CLI.
 */
export async function ensurePgliteSnapshot(): Promise<void> {
  if (readSnapshotFile(PACKAGED_SNAPSHOT)) return;
  console.log('pgvigil tests: building the PGlite snapshot (once, until PGlite changes)');
  await buildPgliteSnapshot(PACKAGED_SNAPSHOT);
}

import { PGlite } from '@electric-sql/pglite';
import { loadPgliteSnapshot } from '../../../src/engine/pglite-snapshot.js';
import { SnapshotFS } from '../../../src/engine/snapshot-fs.js';

/** A bare PGlite instance, as an application would hold it, started from the packaged snapshot (no initdb). */
export async function barePglite(): Promise<PGlite> {
  const snapshot = await loadPgliteSnapshot();
  return snapshot ? PGlite.create({ fs: new SnapshotFS(snapshot) }) : PGlite.create();
}

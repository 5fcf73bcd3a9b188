import { MemoryFS } from '@electric-sql/pglite';
import type { Snapshot } from './pglite-snapshot-format.js';

/** Where PGlite keeps its data directory when the preRun environment does not say. */
const PGLITE_DEFAULT_PGDATA = '/pglite/data';

/**
 * An in-memory filesystem that starts out holding a snapshot's data directory, so PGlite finds an existing
 * cluster ("resuming") instead of running initdb. The snapshot is shared by every instance of the process
 * and never written: each instance copies the files into its own MEMFS.
 */
export class SnapshotFS extends MemoryFS {
  constructor(private readonly snapshot: Snapshot) {
    super();
  }

  override async initialSyncFs(): Promise<void> {
    const module = this.pg?.Module;
    if (!module) throw new Error('SnapshotFS used before PGlite initialised it');
    const fs = module.FS;
    const root = (module as { ENV?: Record<string, string> }).ENV?.PGDATA ?? PGLITE_DEFAULT_PGDATA;
    fs.mkdirTree(root);
    for (const file of this.snapshot.files) {
      const path = `${root}/${file.path}`;
      // Without canOwn, MEMFS copies the bytes (Uint8Array slice): the shared snapshot stays untouched.
      if (file.data) fs.writeFile(path, file.data, { canOwn: false });
      else fs.mkdir(path, 0o700);
    }
  }
}

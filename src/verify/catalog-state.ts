import { catalogFingerprint } from '../catalog/catalog-fingerprint.js';
import type { CatalogSnapshot } from '../catalog/model.js';
import { readCatalog } from '../catalog/read-catalog.js';
import type { Engine } from '../engine/engine.js';

/** A catalog snapshot with the fingerprint of the same state. */
export interface CatalogState {
  readonly snapshot: CatalogSnapshot;
  readonly fingerprint: string;
}

export async function readState(engine: Engine): Promise<CatalogState> {
  return { fingerprint: await catalogFingerprint(engine), snapshot: await readCatalog(engine) };
}

/**
 * The current state, expected to be `like`: when the fingerprints agree the snapshots are equal
 * and `like`'s is reused. A full read costs about six fingerprints, and a round trip that
 * restores the schema is the common case.
 */
export async function readStateLike(engine: Engine, like: CatalogState): Promise<CatalogState> {
  const fingerprint = await catalogFingerprint(engine);
  if (fingerprint === like.fingerprint) return like;
  return { fingerprint, snapshot: await readCatalog(engine) };
}

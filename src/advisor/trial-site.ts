import type { CatalogSnapshot } from '../catalog/model.js';
import type { Engine } from '../engine/engine.js';
import { AdviseError } from './advise-error.js';
import { withScratchCopy } from './scratch/scratch-copy.js';
import type { TrialMethod } from './trial.js';
import { availableTrialMethod, trialMethodNote } from './trial-method.js';

/** Where indexes are tried: the engine, how, and what the report says about it. */
export interface TrialSite {
  readonly engine: Engine;
  readonly method: TrialMethod;
  readonly notes: readonly string[];
}

export const NO_HYPOPG =
  'this database has no HypoPG (CREATE EXTENSION hypopg, by its owner), and pgvigil never builds an index in your database: add --scratch to try the indexes in a scratch database pgvigil creates on the server and drops (needs CREATEDB; writes synthetic rows there), or leave out --db to use the embedded engine with --schema.';

export interface SiteOptions {
  /** The user's server, when the engine is a session on it. */
  readonly db?: string;
  /** Without HypoPG, try indexes in a scratch copy of the schema on the same server. */
  readonly scratch?: boolean;
}

/**
 * Runs fn where indexes can be tried without writing to the user's database: the embedded engine
 * itself, HypoPG on the server, or with `scratch` a scratch copy; throws AdviseError otherwise.
 */
export async function withTrialSite<T>(
  engine: Engine,
  catalog: CatalogSnapshot,
  options: SiteOptions,
  fn: (site: TrialSite) => Promise<T>,
): Promise<T> {
  const method = await availableTrialMethod(engine);
  if (method) return fn({ engine, method, notes: [trialMethodNote(method)] });
  if (!options.db || !options.scratch) throw new AdviseError(`No index advice: ${NO_HYPOPG}`);
  return withScratchCopy(options.db, engine, catalog, (scratch, notes) =>
    fn({ engine: scratch, method: 'rollback', notes: [...notes, trialMethodNote('rollback')] }),
  );
}

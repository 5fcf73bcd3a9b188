import type { Engine } from '../engine/engine.js';
import type { TrialMethod } from './trial.js';

/**
 * How indexes can be tried on this engine without writing to it: for real and rolled back on the
 * embedded engine, as HypoPG hypothetical indexes on a server that has the extension; undefined
 * on a server without it (a user's database is never written to).
 */
export async function availableTrialMethod(engine: Engine): Promise<TrialMethod | undefined> {
  if (engine.kind === 'pglite') return 'rollback';
  const { rows } = await engine.query("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'hypopg'");
  return rows.length > 0 ? 'hypopg' : undefined;
}

export function trialMethodNote(method: TrialMethod): string {
  return method === 'hypopg'
    ? 'Indexes tried as HypoPG hypothetical indexes (backend-local, nothing written); sizes are HypoPG estimates.'
    : 'Indexes tried for real with CREATE INDEX in a transaction that was rolled back; sizes are the built indexes’.';
}

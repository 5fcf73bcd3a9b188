import { withScratchDatabase } from '../engine/scratch.js';
import { IncompleteRun } from '../migrate/incomplete-run.js';
import { DEFAULT_MIGRATION_TIMEOUT_MS, verifyInWorker } from './verify-in-worker.js';
import { type VerifyInput, type VerifyResult, verifyMigrations } from './verify-migrations.js';

export interface VerifyEngineOptions {
  /** postgres:// URL of a server: the run happens in a scratch database on it, never in this database. */
  readonly db?: string;
  /**
   * On a server, the statement_timeout of the scratch session; on the embedded engine, which
   * enforces none, the longest one migration's round trip may take before it is stopped.
   */
  readonly timeoutMs?: number;
}

/**
 * Verifies the migrations on the embedded engine (one instance in a worker thread, state carried
 * from one migration to the next), or with `db` in a scratch database on that server that is
 * dropped afterwards, also on error and Ctrl-C. A connection lost mid-run gives the findings so far,
 * marked partial.
 */
export async function runVerify(
  input: VerifyInput,
  options: VerifyEngineOptions = {},
): Promise<VerifyResult> {
  const { db, timeoutMs } = options;
  if (!db) return verifyInWorker(input, timeoutMs ?? DEFAULT_MIGRATION_TIMEOUT_MS);
  const session = timeoutMs === undefined ? {} : { session: { statementTimeoutMs: timeoutMs } };
  const createdRoles = new Set<string>();
  try {
    return await withScratchDatabase(db, (engine) => verifyMigrations(engine, input, createdRoles), {
      ...session,
      createdRoles,
    });
  } catch (error) {
    // Thrown through the clean-up (the scratch database and roles dropped if the server still answers).
    if (!(error instanceof IncompleteRun)) throw error;
    const { diagnostics, sources, partial } = error;
    return { diagnostics, sources, partial };
  }
}

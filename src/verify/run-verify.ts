import { withScratchDatabase } from '../engine/scratch.js';
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
 * dropped afterwards, also on error and Ctrl-C.
 */
export async function runVerify(
  input: VerifyInput,
  options: VerifyEngineOptions = {},
): Promise<VerifyResult> {
  const { db, timeoutMs } = options;
  if (!db) return verifyInWorker(input, timeoutMs ?? DEFAULT_MIGRATION_TIMEOUT_MS);
  const session = timeoutMs === undefined ? {} : { session: { statementTimeoutMs: timeoutMs } };
  return withScratchDatabase(db, (engine) => verifyMigrations(engine, input), session);
}

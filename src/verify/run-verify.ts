import { readFile } from 'node:fs/promises';
import { openPglite } from '../engine/pglite.js';
import { extensionsCreatedIn } from '../engine/pglite-extensions.js';
import { withScratchDatabase } from '../engine/scratch.js';
import { type VerifyInput, type VerifyResult, verifyMigrations } from './verify-migrations.js';

export interface VerifyEngineOptions {
  /** postgres:// URL of a server: the run happens in a scratch database on it, never in this database. */
  readonly db?: string;
}

/** The contrib extensions the SQL creates, so the embedded engine registers only those. */
async function extensionsOf(input: VerifyInput): Promise<string[]> {
  const schemas = await Promise.all(input.schemaFiles.map((file) => readFile(file, 'utf8').catch(() => '')));
  const steps = input.migrations.flatMap((migration) => [migration.up.sql, migration.down?.sql ?? '']);
  return extensionsCreatedIn([...schemas, ...steps]);
}

/**
 * Verifies the migrations on the embedded engine (one instance, state carried from one migration to
 * the next), or with `db` in a scratch database on that server that is dropped afterwards, also
 * on error and Ctrl-C.
 */
export async function runVerify(
  input: VerifyInput,
  options: VerifyEngineOptions = {},
): Promise<VerifyResult> {
  if (options.db) return withScratchDatabase(options.db, (engine) => verifyMigrations(engine, input));
  const engine = await openPglite({ extensions: await extensionsOf(input) });
  try {
    return await verifyMigrations(engine, input);
  } finally {
    await engine.close();
  }
}

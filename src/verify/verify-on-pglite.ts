import { readFile } from 'node:fs/promises';
import { openPglite } from '../engine/pglite.js';
import { extensionsCreatedIn } from '../engine/pglite-extensions.js';
import { type VerifyInput, type VerifyResult, verifyMigrations } from './verify-migrations.js';

/** The contrib extensions the SQL creates, so the embedded engine registers only those. */
async function extensionsOf(input: VerifyInput): Promise<string[]> {
  const schemas = await Promise.all(input.schemaFiles.map((file) => readFile(file, 'utf8').catch(() => '')));
  const steps = input.migrations.flatMap((migration) => [migration.up.sql, migration.down?.sql ?? '']);
  return extensionsCreatedIn([...schemas, ...steps]);
}

/** Verifies on one embedded engine, its state carried from one migration to the next, closed at the end. */
export async function verifyOnPglite(input: VerifyInput): Promise<VerifyResult> {
  const engine = await openPglite({ extensions: await extensionsOf(input) });
  try {
    return await verifyMigrations(engine, input);
  } finally {
    await engine.close();
  }
}

import type { Engine } from './engine.js';

export const SCRATCH_PREFIX = 'pgvigil_scratch_';

/** Servers before 13 have no DROP DATABASE ... WITH (FORCE). */
const FORCE_DROP_VERSION = 130000;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function dropDatabase(admin: Engine, name: string): Promise<void> {
  if (admin.serverVersion >= FORCE_DROP_VERSION) {
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    return;
  }
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
}

import { randomBytes } from 'node:crypto';
import { registerCleanup } from './cleanup.js';
import { urlForDatabase } from './database-url.js';
import type { Engine } from './engine.js';
import { openServer } from './server.js';

export const SCRATCH_PREFIX = 'pgvigil_scratch_';

/** Servers before 13 have no DROP DATABASE ... WITH (FORCE). */
const FORCE_DROP_VERSION = 130000;

export interface ScratchOptions {
  /** Database to copy; template0 (empty) by default. */
  readonly template?: string;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function dropDatabase(admin: Engine, name: string): Promise<void> {
  if (admin.serverVersion >= FORCE_DROP_VERSION) {
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    return;
  }
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
}

async function createDatabase(admin: Engine, name: string, template: string): Promise<void> {
  try {
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === '42501') {
      throw new Error(
        `cannot create a scratch database: the user lacks CREATEDB (${message}); grant it or use another user`,
      );
    }
    throw error;
  }
}

/**
 * Runs fn on a writable, freshly created database and always drops it afterwards: on success, on error, and on
 * SIGINT/SIGTERM. Scratch databases are the only place pgvigil writes to a server.
 */
export async function withScratchDatabase<T>(
  adminUrl: string,
  fn: (engine: Engine, url: string) => Promise<T>,
  options: ScratchOptions = {},
): Promise<T> {
  const name = SCRATCH_PREFIX + randomBytes(6).toString('hex');
  // Kept open until the end: a signal handler must be able to drop the database without reconnecting.
  const admin = await openServer(adminUrl);
  let dropping: Promise<void> | undefined;
  const drop = (): Promise<void> => {
    dropping ??= dropDatabase(admin, name);
    return dropping;
  };
  const unregister = registerCleanup(drop);
  try {
    await createDatabase(admin, name, options.template ?? 'template0');
    const url = urlForDatabase(adminUrl, name);
    const engine = await openServer(url);
    try {
      return await fn(engine, url);
    } finally {
      await engine.close();
    }
  } finally {
    try {
      await drop();
    } finally {
      unregister();
      await admin.close();
    }
  }
}

import { randomBytes } from 'node:crypto';
import { registerCleanup } from './cleanup.js';
import { urlForDatabase } from './database-url.js';
import type { Engine } from './engine.js';
import { openServer } from './server.js';
import type { SessionOptions } from './session-settings.js';

export const SCRATCH_PREFIX = 'pgvigil_scratch_';

/** Servers before 13 have no DROP DATABASE ... WITH (FORCE). */
const FORCE_DROP_VERSION = 130000;

export interface ScratchOptions {
  /** Database to copy; template0 (empty) by default. */
  readonly template?: string;
  /** Settings of the session on the scratch database (statement_timeout for verify --timeout). */
  readonly session?: SessionOptions;
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
  let outcome: { readonly value: T } | { readonly error: unknown };
  try {
    await createDatabase(admin, name, options.template ?? 'template0');
    outcome = { value: await runOn(urlForDatabase(adminUrl, name), fn, options.session) };
  } catch (error) {
    outcome = { error };
  }
  const dropError = await drop().then(
    () => undefined,
    (error: unknown) => error,
  );
  unregister();
  await admin.close().catch(() => undefined);
  // fn's own failure explains more than a failed clean-up after it.
  if ('error' in outcome) throw outcome.error;
  if (dropError) {
    const reason = dropError instanceof Error ? dropError.message : String(dropError);
    throw new Error(
      `could not drop scratch database ${name} (${reason}): drop it by hand with DROP DATABASE ${name}`,
    );
  }
  return outcome.value;
}

async function runOn<T>(
  url: string,
  fn: (engine: Engine, url: string) => Promise<T>,
  session?: SessionOptions,
): Promise<T> {
  const engine = await openServer(url, session);
  try {
    return await fn(engine, url);
  } finally {
    await engine.close();
  }
}

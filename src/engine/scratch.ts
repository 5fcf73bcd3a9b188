import { hostname } from 'node:os';
import { registerCleanup } from './cleanup.js';
import { urlForDatabase } from './database-url.js';
import type { Engine } from './engine.js';
import { dropDatabase, quoteIdent } from './scratch-drop.js';
import { dropScratchRoles, roleNames } from './scratch-roles.js';
import { scratchName, scratchNote, sweepAbandonedScratch } from './scratch-sweep.js';
import { openServer } from './server.js';
import type { SessionOptions } from './session-settings.js';

export { SCRATCH_PREFIX } from './scratch-drop.js';

export interface ScratchOptions {
  /** Database to copy; template0 (empty) by default. */
  readonly template?: string;
  /** Settings of the session on the scratch database (statement_timeout for verify --timeout). */
  readonly session?: SessionOptions;
  /**
   * The roles fn's statements create, filled as they run (RoleRecorder.created): dropped after the
   * database on every way out, with the roles marked as this database's (scratch-roles.ts).
   */
  readonly createdRoles?: ReadonlySet<string>;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
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
 * Runs fn on a writable, freshly created database and always drops it afterwards, and then the roles
 * fn created: on success, on error, and on SIGINT/SIGTERM. Scratch databases (and the roles made
 * in them) are the only place pgvigil writes to a server.
 */
export async function withScratchDatabase<T>(
  adminUrl: string,
  fn: (engine: Engine, url: string) => Promise<T>,
  options: ScratchOptions = {},
): Promise<T> {
  const name = scratchName();
  // Kept open until the end: a signal handler must be able to drop the database without reconnecting.
  const admin = await openServer(adminUrl);
  const rolesBefore = await roleNames(admin);
  let dropping: Promise<void> | undefined;
  const drop = (): Promise<void> => {
    // The roles after the database: what they own and were granted there goes with it first.
    dropping ??= dropDatabase(admin, name).then(async () => {
      await dropScratchRoles(admin, name, options.createdRoles ?? [], rolesBefore).catch(() => undefined);
    });
    return dropping;
  };
  const unregister = registerCleanup(drop);
  let outcome: { readonly value: T } | { readonly error: unknown };
  try {
    await sweepAbandonedScratch(admin);
    await createDatabase(admin, name, options.template ?? 'template0');
    await admin.exec(
      `COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(scratchNote(process.pid, hostname()))}`,
    );
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

import type { Engine } from '../engine/engine.js';
import { SCRATCH_PREFIX } from '../engine/scratch-drop.js';
import { quoteIdent } from '../sql/quote.js';
import { RoleRecorder, type RoleRecorderOptions } from './role-recorder.js';

/**
 * Roles are cluster-wide: a migration's CREATE ROLE outlives the database it ran in (a scratch
 * database dropped, the embedded one emptied for a rebuild), so the next run, or the rebuild,
 * would find the role there and its CREATE ROLE would fail.
 */
export async function existingRoles(engine: Engine): Promise<ReadonlySet<string>> {
  const { rows } = await engine.query<{ name: string }>('SELECT rolname AS name FROM pg_catalog.pg_roles');
  return new Set(rows.map((row) => row.name));
}

/**
 * Drops the roles pgvigil's own statements created (recorder.created) that did not exist when
 * `before` was read, with what they own and were granted in this database (the only one they can
 * have touched). A role someone else created meanwhile is never touched. Best effort: a role that
 * cannot be dropped is returned, for the caller to name.
 */
export async function dropRolesCreatedSince(
  recorder: RoleRecorder,
  before: ReadonlySet<string>,
): Promise<string[]> {
  const left: string[] = [];
  for (const role of await existingRoles(recorder)) {
    if (before.has(role) || !recorder.created.has(role)) continue;
    try {
      await recorder.exec(`DROP OWNED BY ${quoteIdent(role)} CASCADE; DROP ROLE ${quoteIdent(role)}`);
    } catch {
      left.push(role);
    }
  }
  return left;
}

/**
 * On a server, roles and everything outside the run's database are the user's: guard them; in a
 * scratch database, mark the run's own roles as its.
 */
async function recorderOptions(engine: Engine): Promise<RoleRecorderOptions> {
  if (engine.kind !== 'server') return {};
  const { rows } = await engine.query<{ db: string }>('SELECT current_database() AS db');
  const db = rows[0]?.db ?? '';
  return { guard: true, database: db, ...(db.startsWith(SCRATCH_PREFIX) && { markFor: db }) };
}

/**
 * Runs fn on the engine wrapped in a RoleRecorder, then drops the roles its statements created,
 * also when it fails (fn's own error explains more). `created` is the set the recorder fills: the
 * scratch database's clean-up drops those left when this cannot (a signal, a lost connection).
 */
export async function withCreatedRolesDropped<T>(
  engine: Engine,
  fn: (recorder: RoleRecorder) => Promise<T>,
  created: Set<string> = new Set(),
): Promise<T> {
  const recorder = new RoleRecorder(engine, created, await recorderOptions(engine));
  const before = await existingRoles(engine);
  let value: T;
  try {
    value = await fn(recorder);
  } catch (error) {
    await dropRolesCreatedSince(recorder, before).catch(() => undefined);
    throw error;
  }
  const left = await dropRolesCreatedSince(recorder, before);
  if (left.length > 0)
    throw new Error(
      `could not drop the roles the migrations created (${left.join(', ')}): drop them by hand with DROP ROLE`,
    );
  return value;
}

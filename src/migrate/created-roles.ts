import type { Engine } from '../engine/engine.js';
import { quoteIdent } from '../sql/quote.js';
import { RoleRecorder } from './role-recorder.js';

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
 * Runs fn on the engine wrapped in a RoleRecorder, then drops the roles its statements created,
 * also when it fails (fn's own error explains more).
 */
export async function withCreatedRolesDropped<T>(
  engine: Engine,
  fn: (recorder: RoleRecorder) => Promise<T>,
): Promise<T> {
  const recorder = new RoleRecorder(engine);
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

import type { Engine } from './engine.js';
import { quoteIdent, SCRATCH_PREFIX } from './scratch-drop.js';

/**
 * Roles are the cluster's: a migration's CREATE ROLE in a scratch database makes a real role on the
 * user's server. Each such role carries this comment, naming its scratch database (whose name says
 * which process on which host made it, and when). pgvigil writes the comment in the transaction
 * that creates the role, so a crash keeps both or neither: a role without it is never taken.
 */
const NOTE_START = 'pgvigil scratch role of ';
const NOTE = new RegExp(`^${NOTE_START}(${SCRATCH_PREFIX}[0-9a-z_]+)\\b`);

export function scratchRoleNote(database: string): string {
  return `${NOTE_START}${database}: dropped with it`;
}

/** The scratch database a role's comment names, or undefined for a role pgvigil did not mark. */
export function scratchOfRole(note: string | null | undefined): string | undefined {
  return note ? NOTE.exec(note)?.[1] : undefined;
}

export async function roleNames(engine: Engine): Promise<ReadonlySet<string>> {
  const { rows } = await engine.query<{ name: string }>('SELECT rolname AS name FROM pg_catalog.pg_roles');
  return new Set(rows.map((row) => row.name));
}

interface MarkedRole {
  readonly name: string;
  readonly database: string;
}

async function markedRoles(admin: Engine): Promise<MarkedRole[]> {
  const { rows } = await admin.query<{ name: string; note: string | null }>(
    `SELECT rolname AS name, pg_catalog.shobj_description(oid, 'pg_authid') AS note
       FROM pg_catalog.pg_roles
      WHERE starts_with(pg_catalog.shobj_description(oid, 'pg_authid'), $1)`,
    [NOTE_START],
  );
  return rows.flatMap((row) => {
    const database = scratchOfRole(row.note);
    return database ? [{ name: row.name, database }] : [];
  });
}

async function dropRoles(admin: Engine, names: Iterable<string>): Promise<string[]> {
  const left: string[] = [];
  for (const name of names) {
    // Its objects and grants in the scratch database went with it; a grant elsewhere keeps it, and it is named.
    await admin.exec(`DROP ROLE IF EXISTS ${quoteIdent(name)}`).catch(() => left.push(name));
  }
  return left;
}

/**
 * After the scratch database is dropped: drops the roles marked as its own, and those the run
 * recorded creating (`created`) that did not exist before it (`before`), in case a migration
 * replaced the mark with a comment of its own. Returns the roles that could not be dropped.
 */
export async function dropScratchRoles(
  admin: Engine,
  database: string,
  created: Iterable<string>,
  before: ReadonlySet<string>,
): Promise<string[]> {
  const marked = (await markedRoles(admin)).filter((role) => role.database === database);
  const recorded = [...created].filter((name) => !before.has(name));
  return dropRoles(admin, new Set([...marked.map((role) => role.name), ...recorded]));
}

/** The roles of runs that could not drop them (killed, server crashed): their scratch database is gone. */
export async function sweepScratchRoles(admin: Engine): Promise<string[]> {
  // The roles first: a role marked with a database was created after it, so a database missing
  // from the later read was dropped, not yet to be created by a run starting meanwhile.
  const marked = await markedRoles(admin);
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_catalog.pg_database');
  const databases = new Set(rows.map((row) => row.datname));
  const orphans = marked.filter((role) => !databases.has(role.database));
  await dropRoles(
    admin,
    orphans.map((role) => role.name),
  );
  return orphans.map((role) => role.name);
}

/** The statement that marks a role as made in a scratch database: run in the transaction that creates it. */
export function markRoleSql(role: string, database: string): string {
  return `COMMENT ON ROLE ${quoteIdent(role)} IS '${scratchRoleNote(database).replace(/'/g, "''")}'`;
}

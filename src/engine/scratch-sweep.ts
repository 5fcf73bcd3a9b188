import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Engine } from './engine.js';
import { dropDatabase, SCRATCH_PREFIX } from './scratch-drop.js';
import { sweepScratchRoles } from './scratch-roles.js';

/** A scratch database whose run was killed is left to the next run after this long, wherever it came from. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * pgvigil_scratch_<pid>_<host>_<created>_<random>: who made it and when, in the name itself, so it
 * exists exactly when the database does (a comment is a second statement, and an asynchronous
 * commit may lose it in a crash). <host> is 8 hex digits of the host name's SHA-256, <created> the
 * creation time in seconds, base 36.
 */
const NAME = new RegExp(`^${SCRATCH_PREFIX}(\\d+)_([0-9a-f]{8})_([0-9a-z]+)_[0-9a-f]+$`);

export function hostTag(host: string): string {
  return createHash('sha256').update(host).digest('hex').slice(0, 8);
}

/** A new scratch database's name, naming this process, this host and now. */
export function scratchName(pid = process.pid, host = hostname(), created = new Date()): string {
  const seconds = Math.floor(created.getTime() / 1000).toString(36);
  return `${SCRATCH_PREFIX}${pid}_${hostTag(host)}_${seconds}_${randomBytes(3).toString('hex')}`;
}

/** The comment each scratch database also carries, for the DBA who finds one. */
export function scratchNote(pid: number, host: string, created = new Date()): string {
  return `pgvigil scratch database of process ${pid} on ${host}, created ${created.toISOString()}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Abandoned: nobody is connected, and its process on this machine is gone or it is older than a day.
 * A database whose name does not say who made it is never taken.
 */
export function isAbandoned(name: string, sessions: number, now = Date.now()): boolean {
  if (sessions > 0) return false;
  const match = NAME.exec(name);
  if (!match) return false;
  const [, pid, host, created] = match;
  if (now - Number.parseInt(created ?? '', 36) * 1000 > ABANDONED_AFTER_MS) return true;
  return host === hostTag(hostname()) && !processAlive(Number(pid));
}

interface ScratchRow {
  readonly datname: string;
  readonly sessions: number;
}

/**
 * Drops the scratch databases of runs that could not drop their own (the server was killed or the
 * connection reset mid-run): after any fault, the next run on that server leaves nothing behind.
 * Databases whose name does not say who made them are never touched. Then the roles marked as made
 * in a scratch database that no longer exists go too (scratch-roles.ts); unmarked roles never do.
 */
export async function sweepAbandonedScratch(admin: Engine): Promise<readonly string[]> {
  const { rows } = await admin.query<ScratchRow>(
    `SELECT d.datname, (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS sessions
       FROM pg_database d
      WHERE starts_with(d.datname, $1)`,
    [SCRATCH_PREFIX],
  );
  const abandoned = rows.filter((row) => isAbandoned(row.datname, row.sessions)).map((row) => row.datname);
  for (const name of abandoned) await dropDatabase(admin, name).catch(() => undefined);
  await sweepScratchRoles(admin).catch(() => undefined);
  return abandoned;
}

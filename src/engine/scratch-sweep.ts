import { hostname } from 'node:os';
import type { Engine } from './engine.js';
import { dropDatabase, SCRATCH_PREFIX } from './scratch-drop.js';

/** A scratch database whose run was killed is left to the next run after this long, wherever it came from. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

const NOTE = /^pgvigil scratch database of process (\d+) on (.*), created (\S+)$/;

/** The comment each scratch database carries: who made it, so a later run can tell it was abandoned. */
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

/** Abandoned: nobody is connected, and its process on this machine is gone or it is older than a day. */
export function isAbandoned(note: string | null, sessions: number, now = Date.now()): boolean {
  if (sessions > 0) return false;
  const match = note === null ? null : NOTE.exec(note);
  if (!match) return false;
  const [, pid, host, created] = match;
  if (now - Date.parse(created ?? '') > ABANDONED_AFTER_MS) return true;
  return host === hostname() && !processAlive(Number(pid));
}

interface ScratchRow {
  readonly datname: string;
  readonly note: string | null;
  readonly sessions: number;
}

/**
 * Drops the scratch databases of runs that could not drop their own (the server was killed or the
 * connection reset mid-run): after any fault, the next run on that server leaves nothing behind.
 * Databases without pgvigil's comment are never touched.
 */
export async function sweepAbandonedScratch(admin: Engine): Promise<readonly string[]> {
  const { rows } = await admin.query<ScratchRow>(
    `SELECT d.datname, shobj_description(d.oid, 'pg_database') AS note,
            (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS sessions
       FROM pg_database d
      WHERE starts_with(d.datname, $1)`,
    [SCRATCH_PREFIX],
  );
  const abandoned = rows.filter((row) => isAbandoned(row.note, row.sessions)).map((row) => row.datname);
  for (const name of abandoned) await dropDatabase(admin, name).catch(() => undefined);
  return abandoned;
}

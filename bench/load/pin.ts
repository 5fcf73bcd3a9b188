import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const TASKSET = '/usr/bin/taskset';

/** Two cores and taskset (util-linux): the server and pgbench on one, pgvigil on the other. */
export const CAN_PIN = cpus().length >= 2 && existsSync(TASKSET);

/** The command line that runs `command` on that CPU only (unchanged without a CPU). */
export function onCpu(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpu === undefined ? [command, [...args]] : [TASKSET, ['-c', String(cpu), command, ...args]];
}

/**
 * Pins a running cluster to one CPU: the postmaster (whose later backends inherit it) and the
 * processes it already started.
 */
export async function pinServer(url: string, cpu: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  // Field 4 of /proc/<pid>/stat is the parent, the postmaster: read while the backend is there.
  const stat = readFileSync(`/proc/${rows[0]?.pid ?? 0}/stat`, 'utf8');
  await client.end();
  const postmaster = Number(stat.split(') ')[1]?.split(' ')[1]);
  const { stdout } = await run('pgrep', ['-P', String(postmaster)]);
  const pids = [
    postmaster,
    ...stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number),
  ];
  for (const pid of pids)
    await run(TASKSET, ['-a', '-p', '-c', String(cpu), String(pid)]).catch(() => undefined);
}

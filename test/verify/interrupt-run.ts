import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '../../src/engine/engine.js';
import { SCRATCH_PREFIX } from '../../src/engine/scratch.js';

/** The scratch database in which a session of process `pid` runs `SELECT pg_sleep…`, if one does. */
export async function sleepingIn(admin: Engine, pid: number | undefined): Promise<string | undefined> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_stat_activity WHERE starts_with(datname, $1) AND query LIKE 'SELECT pg_sleep%'`,
    [`${SCRATCH_PREFIX}${pid}_`],
  );
  return rows[0]?.datname;
}

export interface Interrupted {
  readonly code: number | null;
  /** From the signal to the process's exit. */
  readonly exitMs: number;
  /** The scratch database the run was sleeping in. */
  readonly scratch: string;
}

/**
 * Runs the CLI in a process of its own (as a user runs it) until a session in its scratch database
 * runs `SELECT pg_sleep…`, then sends it the signal, as Ctrl-C (SIGINT) or a service manager would.
 */
export async function interruptWhileSleeping(
  admin: Engine,
  argv: readonly string[],
  signal: NodeJS.Signals,
): Promise<Interrupted> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let scratch: string | undefined;
  for (let i = 0; i < 600 && scratch === undefined && child.exitCode === null; i++) {
    await sleep(100);
    scratch = await sleepingIn(admin, child.pid);
  }
  if (scratch === undefined) {
    child.kill('SIGKILL');
    throw new Error(`pgvigil ${argv.join(' ')} never reached its pg_sleep`);
  }
  const start = Date.now();
  child.kill(signal);
  const [code] = (await exited) as [number | null];
  return { code, exitMs: Date.now() - start, scratch };
}

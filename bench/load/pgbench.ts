import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgBinDir } from '../../test/support/pg-binaries.js';
import { onCpu } from './pin.js';

const run = promisify(execFile);

/** Clients and threads for a 2-core machine: enough to keep the server busy, not so many they only queue. */
export const PGBENCH_CLIENTS = 4;
const PGBENCH_THREADS = 2;
/** 10 × 100,000 rows in pgbench_accounts: bigger than shared_buffers' default, so reads reach the OS cache. */
const SCALE = 10;

const pgbench = (): string => join(findPgBinDir(), 'pgbench');

export async function initPgbench(url: string): Promise<void> {
  await run(pgbench(), ['-i', '-q', '-s', String(SCALE), url], { maxBuffer: 16 * 1024 * 1024 });
}

/** The standard TPC-B-like script for some seconds; transactions per second as pgbench reports them. */
export async function runPgbench(url: string, seconds: number, cpu?: number): Promise<number> {
  const [command, args] = onCpu(cpu, pgbench(), [
    '-c',
    String(PGBENCH_CLIENTS),
    '-j',
    String(PGBENCH_THREADS),
    '-T',
    String(seconds),
    '-n',
    url,
  ]);
  const { stdout } = await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps);
}

import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLog } from './generate-log.js';

/** Size of the benchmark log: 1 GB as issue 10 asks, smaller through the environment for quick runs. */
export const LOG_MB_ENV = 'PGVIGIL_BENCH_LOG_MB';

export function benchLogMegabytes(): number {
  const value = Number(process.env[LOG_MB_ENV] ?? 1024);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bench: ${LOG_MB_ENV} wants a size in MB, > 0`);
  return value;
}

/**
 * The generated log of that size in the temp folder, written once and reused by later runs: the
 * generator is deterministic, so a file of the right name and at least the size is the same log.
 */
export function benchLog(megabytes: number): string {
  const file = join(tmpdir(), `pgvigil-bench-log-v1-${megabytes}mb.log`);
  const bytes = Math.round(megabytes * 1024 * 1024);
  if (!existsSync(file) || statSync(file).size < bytes) generateLog(file, { bytes });
  return file;
}

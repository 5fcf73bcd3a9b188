import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchCase, type Measured, pgvigil, rowsOf } from '../case.js';
import { benchLog, benchLogMegabytes, LOG_MB_ENV } from '../logs/bench-log.js';
import { BENCH_PREFIX } from '../logs/generate-log.js';
import { measureCommand } from '../measure.js';

const PGBADGER = '/usr/bin/pgbadger';

export const mbPerSecond = (bytes: number, ms: number): string =>
  `${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MB/s`;

export const rssOf = (mb: number | undefined): string =>
  mb === undefined ? 'not measured' : `${Math.round(mb)} MiB`;

/** `pgvigil n1` of a generated log, a fresh process per run. */
export function measureN1(root: string, log: string, runs: number) {
  return measureCommand(
    {
      command: process.execPath,
      args: [join(root, 'dist/cli/main.js'), 'n1', log, '--format', 'json', '--log-prefix', BENCH_PREFIX],
      cwd: root,
      okExitCodes: [0, 1],
    },
    runs,
  );
}

function pgbadgerVersion(): string | undefined {
  if (!existsSync(PGBADGER)) return undefined;
  const out = spawnSync(PGBADGER, ['--version'], { encoding: 'utf8' });
  return /pgBadger version (\S+)/i.exec(out.stdout)?.[1];
}

/**
 * Log analysis of one generated stderr log: `pgvigil n1` against pgbadger 12 (Debian's), one core
 * each (pgbadger's default -j 1; pgvigil is single-threaded), throughput and peak memory.
 */
export const logsPgbadger: BenchCase = {
  name: 'logs-pgbadger',
  async run({ root, runs }) {
    const megabytes = benchLogMegabytes();
    process.stderr.write(`bench: logs-pgbadger: writing or reusing a ${megabytes} MB log (${LOG_MB_ENV})…\n`);
    const log = benchLog(megabytes);
    const bytes = statSync(log).size;
    const measured = await measureN1(root, log, runs);
    const version = pgbadgerVersion();
    const what = `\`pgvigil n1\` of a generated ${megabytes} MB stderr log (sessions, transactions, N+1 loops, parameters, multi-line statements; bench/logs/generate-log.ts), fresh process, wall`;
    const ours = `pgvigil ${mbPerSecond(bytes, measured.wall.median)}`;
    if (version === undefined)
      return rowsOf([
        {
          name: 'logs-pgbadger',
          what,
          pgvigil: pgvigil(measured.wall, measured.peakRssMb),
          note: `${ours}; pgbadger is not installed (${PGBADGER}; \`apt install pgbadger\`): no side-by-side figure`,
        },
      ]);
    const out = mkdtempSync(join(tmpdir(), 'pgvigil-bench-pgbadger-'));
    try {
      const badger = await measureCommand(
        {
          command: PGBADGER,
          args: [
            '-f',
            'stderr',
            '-p',
            BENCH_PREFIX,
            '-j',
            '1',
            '-x',
            'text',
            '-o',
            join(out, 'out.txt'),
            '-q',
            log,
          ],
          cwd: root,
        },
        runs,
      );
      const peer: Measured = {
        name: `pgbadger ${version}`,
        figures: badger.wall,
        ...(badger.peakRssMb !== undefined && { peakRssMb: badger.peakRssMb }),
      };
      return rowsOf([
        {
          name: 'logs-pgbadger',
          what: `${what}; pgbadger -j 1 -x text on the same file`,
          pgvigil: pgvigil(measured.wall, measured.peakRssMb),
          peer,
          ratio: measured.wall.median / badger.wall.median,
          // Issue 7: at least 10× pgbadger's throughput.
          targetMs: badger.wall.median / 10,
          note: `${ours} vs pgbadger ${mbPerSecond(bytes, badger.wall.median)}; peak RSS ${rssOf(measured.peakRssMb)} vs ${rssOf(badger.peakRssMb)}`,
        },
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};

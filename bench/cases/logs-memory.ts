import { statSync } from 'node:fs';
import { type BenchCase, pgvigil, rowsOf, skipped } from '../case.js';
import { benchLog, benchLogMegabytes, LOG_MB_ENV } from '../logs/bench-log.js';
import { mbPerSecond, measureN1, rssOf } from './logs-pgbadger.js';

const GIGABYTE_MB = 1024;

/**
 * Issue 7: memory flat on a 1 GB log. When logs-pgbadger runs on a smaller log (PGVIGIL_BENCH_LOG_MB,
 * pgbadger takes about an hour at 1 GB), pgvigil alone reads the 1 GB one: its peak RSS beside the
 * smaller log's says whether memory follows the log's size.
 */
export const logsMemory: BenchCase = {
  name: 'logs-1gb-memory',
  async run({ root, runs }) {
    if (benchLogMegabytes() >= GIGABYTE_MB) return skipped('logs-pgbadger already reads a 1 GB log');
    process.stderr.write(`bench: logs-1gb-memory: writing or reusing a ${GIGABYTE_MB} MB log…\n`);
    const log = benchLog(GIGABYTE_MB);
    const measured = await measureN1(root, log, runs);
    return rowsOf([
      {
        name: 'logs-1gb-memory',
        what: `\`pgvigil n1\` of the generated log at 1 GB (the logs-pgbadger row reads ${benchLogMegabytes()} MB, ${LOG_MB_ENV}), fresh process, wall; no peer`,
        pgvigil: pgvigil(measured.wall, measured.peakRssMb),
        note: `${mbPerSecond(statSync(log).size, measured.wall.median)}; peak RSS ${rssOf(measured.peakRssMb)} on 1 GB (compare the logs-pgbadger row's)`,
      },
    ]);
  },
};

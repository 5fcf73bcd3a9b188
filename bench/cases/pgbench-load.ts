import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { urlForDatabase } from '../../src/engine/database-url.js';
import { startCluster } from '../../test/support/pg-cluster.js';
import { type BenchCase, sectionOf } from '../case.js';
import { type BlockingSamples, sampleBlocking } from '../load/blocking-sampler.js';
import { initPgbench, PGBENCH_CLIENTS, runPgbench } from '../load/pgbench.js';
import { CAN_PIN, onCpu, pinServer } from '../load/pin.js';
import { summarize } from '../measure.js';

const median = (values: readonly number[]): number => summarize(values).median;

const run = promisify(execFile);
const SECONDS = 15;
const LIVE_COMMANDS = ['health', 'top'] as const;

interface LiveRun {
  readonly command: string;
  readonly ms: number;
  readonly code: number;
}

/** One pgvigil live command as a user runs it; exit code 2 is a failure (timeout, connection). */
async function timeLive(root: string, command: string, url: string, cpu?: number): Promise<LiveRun> {
  const started = performance.now();
  const main = join(root, 'dist', 'cli', 'main.js');
  const [file, args] = onCpu(cpu, process.execPath, [main, command, '--db', url, '--format', 'json']);
  const code = await run(file, args, { maxBuffer: 64 * 1024 * 1024 }).then(
    () => 0,
    (error: { code?: number }) => error.code ?? 2,
  );
  return { command, ms: performance.now() - started, code };
}

/** health and top one after another, for as long as the load runs. */
async function liveLoop(
  root: string,
  url: string,
  until: Promise<unknown>,
  cpu?: number,
): Promise<LiveRun[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const runs: LiveRun[] = [];
  while (!done) for (const command of LIVE_COMMANDS) runs.push(await timeLive(root, command, url, cpu));
  return runs;
}

interface LoadRuns {
  readonly alone: readonly number[];
  readonly loaded: readonly number[];
  readonly live: readonly LiveRun[];
  readonly blocking: BlockingSamples;
}

/** pgbench alone, then with pgvigil beside it, alternating so drift of the machine hits both. */
async function alternate(root: string, url: string, runs: number, pin?: { server: number; pgvigil: number }) {
  const alone: number[] = [];
  const loaded: number[] = [];
  const live: LiveRun[] = [];
  let blocking: BlockingSamples = { samples: 0, blocked: 0 };
  for (let i = 0; i < runs; i++) {
    alone.push(await runPgbench(url, SECONDS, pin?.server));
    const stop = await sampleBlocking(url);
    const load = runPgbench(url, SECONDS, pin?.server);
    live.push(...(await liveLoop(root, url, load, pin?.pgvigil)));
    loaded.push(await load);
    const seen = await stop();
    blocking = { samples: blocking.samples + seen.samples, blocked: blocking.blocked + seen.blocked };
  }
  return { alone, loaded, live, blocking } satisfies LoadRuns;
}

const change = ({ alone, loaded }: LoadRuns): string => {
  const percent = ((median(loaded) - median(alone)) / median(alone)) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
};

const blockedIn = ({ blocking }: LoadRuns): string => `${blocking.blocked} of ${blocking.samples} samples`;

function liveLine(runs: readonly LiveRun[], command: string): string {
  const mine = runs.filter((r) => r.command === command);
  const ms = mine.map((r) => r.ms);
  const failed = mine.filter((r) => r.code === 2).length;
  return `| \`pgvigil ${command}\` | ${mine.length} | ${Math.round(median(ms))} ms | ${Math.round(Math.max(...ms))} ms | ${failed} |`;
}

/**
 * Issue 10: health and top against a server under pgbench load finish within their timeouts and do
 * not slow the load down. Runs alternate (alone, with pgvigil) so drift of the machine hits both.
 */
export const pgbenchLoad: BenchCase = {
  name: 'pgbench-load',
  async run(ctx) {
    const cluster = await startCluster();
    try {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE bench');
      await admin.end();
      const url = urlForDatabase(cluster.url, 'bench');
      await initPgbench(url);
      const shared = await alternate(ctx.root, url, ctx.runs);
      // Then the server and pgbench on CPU 0, pgvigil on CPU 1: what is left is what pgvigil's
      // queries cost the server (its backends run on CPU 0 too) and any lock they hold.
      const pinned = CAN_PIN
        ? await pinServer(url, 0).then(() => alternate(ctx.root, url, ctx.runs, { server: 0, pgvigil: 1 }))
        : undefined;
      const tps = (label: string, values: readonly number[]) =>
        `| ${label} | ${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
      const markdown = [
        `pgbench (TPC-B-like, scale 10, ${PGBENCH_CLIENTS} clients, ${SECONDS} s per run, ${ctx.runs} runs each, alternating) on a throwaway PostgreSQL 15 cluster; beside it, \`pgvigil health\` and \`pgvigil top\` run back to back for the whole of every loaded run. First all on the machine's two cores; then (taskset) the server and pgbench on CPU 0 and pgvigil on CPU 1.`,
        [
          '| pgbench | median tps | min | max |',
          '|---|---:|---:|---:|',
          tps('alone, two cores', shared.alone),
          tps('with pgvigil running, two cores shared', shared.loaded),
          ...(pinned
            ? [
                tps('alone, server on CPU 0', pinned.alone),
                tps('with pgvigil running on CPU 1', pinned.loaded),
              ]
            : []),
        ].join('\n'),
        `Throughput change with pgvigil running: ${change(shared)} on shared cores (pgvigil's own CPU is taken from the server's)${pinned ? `; ${change(pinned)} with pgvigil on a core of its own (what its queries cost the server, and any lock they hold)` : '; pinning was not possible here (taskset, two cores)'}.`,
        `Blocking, sampled every 100 ms during the loaded runs (pg_blocking_pids of every other session against pgvigil's, which name themselves \`pgvigil\`): a session waited on pgvigil in ${blockedIn(shared)} on shared cores${pinned ? ` and ${blockedIn(pinned)} with pgvigil on its own core` : ''}.`,
        [
          '| command | runs | median | max | failed (exit 2: timeout or connection) |',
          '|---|---:|---:|---:|---:|',
          ...LIVE_COMMANDS.map((command) => liveLine([...shared.live, ...(pinned?.live ?? [])], command)),
        ].join('\n'),
      ].join('\n\n');
      return sectionOf('Live commands under load', markdown);
    } finally {
      cluster.stop();
    }
  },
};

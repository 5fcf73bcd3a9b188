import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { urlForDatabase } from '../../src/engine/database-url.js';
import { startCluster } from '../../test/support/pg-cluster.js';
import { type BenchCase, sectionOf } from '../case.js';
import { initPgbench, PGBENCH_CLIENTS, runPgbench } from '../load/pgbench.js';
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
async function timeLive(root: string, command: string, url: string): Promise<LiveRun> {
  const started = performance.now();
  const main = join(root, 'dist', 'cli', 'main.js');
  const code = await run(process.execPath, [main, command, '--db', url, '--format', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => 0,
    (error: { code?: number }) => error.code ?? 2,
  );
  return { command, ms: performance.now() - started, code };
}

/** health and top one after another, for as long as the load runs. */
async function liveLoop(root: string, url: string, until: Promise<unknown>): Promise<LiveRun[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const runs: LiveRun[] = [];
  while (!done) for (const command of LIVE_COMMANDS) runs.push(await timeLive(root, command, url));
  return runs;
}

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
      const alone: number[] = [];
      const loaded: number[] = [];
      const live: LiveRun[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        alone.push(await runPgbench(url, SECONDS));
        const load = runPgbench(url, SECONDS);
        live.push(...(await liveLoop(ctx.root, url, load)));
        loaded.push(await load);
      }
      const change = ((median(loaded) - median(alone)) / median(alone)) * 100;
      const tps = (label: string, values: readonly number[]) =>
        `| ${label} | ${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
      const markdown = [
        `pgbench (TPC-B-like, scale 10, ${PGBENCH_CLIENTS} clients, ${SECONDS} s per run, ${ctx.runs} runs each, alternating) on a throwaway PostgreSQL 15 cluster; beside it, \`pgvigil health\` and \`pgvigil top\` run back to back for the whole of every loaded run.`,
        [
          '| pgbench | median tps | min | max |',
          '|---|---:|---:|---:|',
          tps('alone', alone),
          tps('with pgvigil running', loaded),
        ].join('\n'),
        `Throughput change with pgvigil running: ${change >= 0 ? '+' : ''}${change.toFixed(1)} % (the machine's two cores also run pgvigil itself).`,
        [
          '| command | runs | median | max | failed (exit 2: timeout or connection) |',
          '|---|---:|---:|---:|---:|',
          ...LIVE_COMMANDS.map((command) => liveLine(live, command)),
        ].join('\n'),
      ].join('\n\n');
      return sectionOf('Live commands under load', markdown);
    } finally {
      cluster.stop();
    }
  },
};

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Figures } from './case.js';
import type { CommandSpec } from './command-spec.js';
import { watchPeakRss } from './peak-rss.js';

export const DEFAULT_RUNS = 5;

export interface RunSample {
  /** From spawn to the child's exit, as the parent saw it. */
  readonly wallMs: number;
  readonly peakRssKib?: number;
  readonly stdout: string;
}

export interface CommandMeasurement {
  readonly wall: Figures;
  readonly peakRssMb?: number;
  readonly samples: readonly RunSample[];
}

export function summarize(values: readonly number[]): Figures {
  if (values.length === 0) throw new Error('bench: nothing to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length };
}

/** Largest of the peak RSS figures in MiB, if every run had one. */
export function largestRssMb(samples: readonly RunSample[]): number | undefined {
  const kib = samples.map((sample) => sample.peakRssKib);
  if (kib.length === 0 || kib.some((value) => value === undefined)) return undefined;
  return Math.max(...(kib as number[])) / 1024;
}

/** Runs the command once untimed (so the OS file cache is warm), then `runs` timed fresh processes. */
export async function measureCommand(spec: CommandSpec, runs = DEFAULT_RUNS): Promise<CommandMeasurement> {
  await runOnce(spec);
  const samples: RunSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runOnce(spec));
  const peakRssMb = largestRssMb(samples);
  return {
    wall: summarize(samples.map((sample) => sample.wallMs)),
    samples,
    ...(peakRssMb === undefined ? {} : { peakRssMb }),
  };
}

/**
 * The environment a measured command gets. NODE_EXTRA_CA_CERTS is left out: no benchmarked command
 * opens a TLS connection, yet with it set every Node process reads and parses the bundle as it
 * starts (~45 ms on this sandbox, which sets it for its own proxy). That is the machine's cost, not
 * any tool's, and added to both sides of a ratio it made pgvigil look closer to squawk than it is.
 */
export function measuredEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

async function runOnce(original: CommandSpec): Promise<RunSample> {
  const { spec, collect } = watchPeakRss(original);
  const started = performance.now();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: measuredEnv(spec.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let exitedAt = started;
  child.on('exit', () => {
    exitedAt = performance.now();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const peakRssKib = collect();
  if (!(original.okExitCodes ?? [0]).includes(code ?? -1)) {
    const command = [original.command, ...original.args].join(' ');
    const detail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-5).join('\n');
    throw new Error(`bench: \`${command}\` exited with ${code ?? 'a signal'}\n${detail}`);
  }
  return {
    wallMs: exitedAt - started,
    stdout: Buffer.concat(stdout).toString('utf8'),
    ...(peakRssKib === undefined ? {} : { peakRssKib }),
  };
}

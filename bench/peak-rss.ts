import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandSpec } from './command-spec.js';

/**
 * How the peak RSS of a child is seen. Node cannot read a child's rusage, so either GNU time (Debian's
 * `time` package) wraps the command and writes %M to a file, or, for node commands only, a preload
 * writes process.resourceUsage().maxRSS at exit. Anything else runs without an RSS figure.
 */
export type RssMethod = 'gnu-time' | 'node-preload' | 'none';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = pathToFileURL(join(import.meta.dirname, 'probes', 'max-rss.mjs')).href;
export const RSS_FILE_ENV = 'PGVIGIL_BENCH_RSS_FILE';

let gnuTime: boolean | undefined;

function hasGnuTime(): boolean {
  gnuTime ??=
    existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true']).status === 0;
  return gnuTime;
}

export function rssMethodFor(spec: CommandSpec): RssMethod {
  if (hasGnuTime()) return 'gnu-time';
  return spec.command === process.execPath || spec.command === 'node' ? 'node-preload' : 'none';
}

export interface RssWatch {
  readonly spec: CommandSpec;
  /** Peak RSS in KiB of the run just finished, then forgets the file. */
  readonly collect: () => number | undefined;
}

/** Rewrites spec so that one run of it leaves its peak RSS behind. */
export function watchPeakRss(spec: CommandSpec): RssWatch {
  const method = rssMethodFor(spec);
  if (method === 'none') return { spec, collect: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'pgvigil-bench-'));
  const file = join(dir, 'rss');
  const collect = () => {
    const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    rmSync(dir, { recursive: true, force: true });
    // GNU time puts "Command exited with non-zero status N" before the figure.
    const kib = Number(text.split('\n').at(-1));
    return text !== '' && Number.isFinite(kib) ? kib : undefined;
  };
  if (method === 'gnu-time') {
    return {
      spec: { ...spec, command: GNU_TIME, args: ['-f', '%M', '-o', file, spec.command, ...spec.args] },
      collect,
    };
  }
  const nodeOptions = [spec.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS, `--import=${PRELOAD}`];
  const env = { ...spec.env, NODE_OPTIONS: nodeOptions.filter(Boolean).join(' '), [RSS_FILE_ENV]: file };
  return { spec: { ...spec, env }, collect };
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGib: number;
  readonly os: string;
}

export interface Versions {
  readonly node: string;
  readonly pgvigil: string;
  readonly commit: string;
  readonly pglite: string;
  readonly libpgQuery: string;
}

function readOr(path: string, fallback: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : fallback;
}

export function machineInfo(): MachineInfo {
  const cpuinfo = readOr('/proc/cpuinfo', '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const distro = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readOr('/etc/os-release', ''))?.[1] ?? process.platform;
  return {
    cpu: model.trim(),
    cores: availableParallelism(),
    memoryGib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${distro}, kernel ${release()}`,
  };
}

function packageVersion(dir: string): string {
  const manifest = JSON.parse(readOr(join(dir, 'package.json'), '{}')) as { version?: string };
  return manifest.version ?? 'not installed';
}

function gitCommit(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function versions(root: string): Versions {
  return {
    node: process.version,
    pgvigil: packageVersion(root),
    commit: gitCommit(root),
    pglite: packageVersion(join(root, 'node_modules', '@electric-sql', 'pglite')),
    libpgQuery: packageVersion(join(root, 'node_modules', 'libpg-query')),
  };
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { findPgBinDir } from './pg-binaries.js';

/** A throwaway PostgreSQL cluster owned by the test run. */
export interface TestCluster {
  /** Superuser URL over TCP (trusted for the superuser only; other roles need scram passwords). */
  readonly url: string;
  readonly port: number;
  readonly socketDir: string;
  stop(): void;
  /** Kills the server as a crash or an operator would (pg_ctl stop -m immediate), keeping its data. */
  crash(): void;
  /** Starts it again on the same port after crash(). */
  restart(): void;
}

const SUPERUSER = 'postgres';
const START_TIMEOUT_S = 60;
const START_ATTEMPTS = 3;

// Root may not run postgres: run the server binaries as the postgres OS user instead.
const runAsPostgres = userInfo().uid === 0;

function run(bin: string, args: readonly string[]): void {
  const [cmd, argv] = runAsPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, [...args]];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A database name the cluster's pg_hba.conf rejects for everyone, so tests can provoke SQLSTATE 28000. */
export const HBA_REJECTED_DATABASE = 'pgvigil_hba_rejected';

// The superuser is trusted everywhere so tests need no password; every other TCP login needs scram,
// which lets connection tests provoke real authentication failures.
const PG_HBA = `host ${HBA_REJECTED_DATABASE} all 127.0.0.1/32 reject
local all all trust
host all ${SUPERUSER} 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
`;

function serverSettings(socketDir: string): string {
  return `
listen_addresses = '127.0.0.1'
unix_socket_directories = '${socketDir}'
shared_preload_libraries = 'pg_stat_statements'
max_connections = 200
password_encryption = 'scram-sha-256'
# durability is worthless for a throwaway cluster; speed is not
fsync = off
synchronous_commit = off
full_page_writes = off
`;
}

function startOn(pgCtl: string, dataDir: string, logFile: string, port: number): void {
  run(pgCtl, [
    'start',
    '-D',
    dataDir,
    '-l',
    logFile,
    '-w',
    '-t',
    String(START_TIMEOUT_S),
    '-o',
    `-p ${port}`,
  ]);
}

// Another process may grab the port between freePort() and the server's bind: try a few.
async function startOnFreePort(pgCtl: string, dataDir: string, logFile: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      startOn(pgCtl, dataDir, logFile, port);
      return port;
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !/could not bind|already in use/i.test(readLog(logFile))) throw error;
    }
  }
}

function describeFailure(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}

/** initdb + start; removes everything it made if any step fails. */
export async function startCluster(): Promise<TestCluster> {
  const bin = findPgBinDir();
  const root = mkdtempSync(join(tmpdir(), 'pgvigil-test-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (runAsPostgres) chownSync(root, ...postgresIds());
  let started = false;
  const stop = (): void => {
    if (started) {
      try {
        run(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      } catch {
        // already gone; removing the directory is what matters
      }
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    appendFileSync(join(dataDir, 'postgresql.conf'), serverSettings(root));
    writeFileSync(join(dataDir, 'pg_hba.conf'), PG_HBA);
    started = true;
    const port = await startOnFreePort(join(bin, 'pg_ctl'), dataDir, logFile);
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    await preparePgStatStatements(url);
    const pgCtl = join(bin, 'pg_ctl');
    const crash = (): void => run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
    const restart = (): void => startOn(pgCtl, dataDir, logFile, port);
    return { url, port, socketDir: root, stop, crash, restart };
  } catch (error) {
    const log = readLog(logFile);
    stop();
    throw new Error(`could not start the test PostgreSQL server: ${describeFailure(error)}${log}`);
  }
}

function readLog(file: string): string {
  try {
    return `\n--- server log ---\n${execFileSync('tail', ['-n', '20', file], { encoding: 'utf8' })}`;
  } catch {
    return '';
  }
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return [uid, gid];
}

// Every database a test creates copies template1, so they all get the extension.
async function preparePgStatStatements(url: string): Promise<void> {
  for (const db of ['template1', 'postgres']) {
    const client = new pg.Client({ connectionString: url.replace(/\/postgres$/, `/${db}`) });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    } finally {
      await client.end();
    }
  }
}

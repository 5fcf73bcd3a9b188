import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port.js';

/** A real PgBouncer in transaction mode in front of the test cluster, owned by one test file. */
export interface TestPgBouncer {
  /** Client URL for `database` through the pooler (plain-text password "pooled-secret"). */
  urlFor(database: string): string;
  /** The admin console (database pgbouncer). */
  readonly adminUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

export const PGBOUNCER_BIN = process.env.PGVIGIL_TEST_PGBOUNCER ?? '/usr/sbin/pgbouncer';
export const POOLED_PASSWORD = 'pooled-secret';
const START_TIMEOUT_MS = 10_000;

// PgBouncer refuses to run as root: run it as the postgres OS user, as the test cluster is.
const runAsPostgres = userInfo().uid === 0;

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

function config(dir: string, port: number, serverPort: number, poolSize: number): string {
  return `[databases]
* = host=127.0.0.1 port=${serverPort} user=postgres

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = plain
auth_file = ${join(dir, 'userlist.txt')}
admin_users = postgres
pool_mode = transaction
default_pool_size = ${poolSize}
max_client_conn = 50
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = ${join(dir, 'pgbouncer.log')}
pidfile = ${join(dir, 'pgbouncer.pid')}
`;
}

/**
 * Starts PgBouncer (transaction pooling, `poolSize` server connections per database and user) on a
 * free port in front of the server at `serverUrl`; the caller must stop() it.
 */
export async function startPgBouncer(serverUrl: string, poolSize = 2): Promise<TestPgBouncer> {
  const serverPort = Number(new URL(serverUrl).port);
  const dir = mkdtempSync(join(tmpdir(), 'pgvigil-test-pgbouncer-'));
  const port = await freePort();
  writeFileSync(join(dir, 'pgbouncer.ini'), config(dir, port, serverPort, poolSize));
  writeFileSync(join(dir, 'userlist.txt'), `"postgres" "${POOLED_PASSWORD}"\n`);
  if (runAsPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const file of ['', 'pgbouncer.ini', 'userlist.txt']) chownSync(join(dir, file), uid, gid);
  }
  const ini = join(dir, 'pgbouncer.ini');
  const [cmd, argv] = runAsPostgres
    ? ['runuser', ['-u', 'postgres', '--', PGBOUNCER_BIN, ini]]
    : [PGBOUNCER_BIN, [ini]];
  const child: ChildProcess = spawn(cmd, argv, { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = async (): Promise<void> => {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) {
      const log = readLog(join(dir, 'pgbouncer.log'));
      await stop();
      throw new Error(`PgBouncer (${PGBOUNCER_BIN}) did not start on port ${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = `postgres://postgres:${POOLED_PASSWORD}@127.0.0.1:${port}`;
  return { urlFor: (database) => `${base}/${database}`, adminUrl: `${base}/pgbouncer`, port, stop };
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

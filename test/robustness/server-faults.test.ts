import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl } from '../support/engines.js';
import { startCluster, type TestCluster } from '../support/pg-cluster.js';
import { cli } from '../support/run-cli.js';

const KRATOS = '../shared/corpus/migrations/kratos';
const BLOG = ['examples/blog/migrations', '--schema', 'examples/blog/schema.sql'];

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

/** verify of all Kratos migrations (tens of seconds on a server) in its own process, as a user runs it. */
function verifyInChild(url: string): { readonly child: ChildProcess; readonly exit: Promise<Exit> } {
  // node --import tsx runs the CLI in this very process, so child.pid is the pid its scratch database names.
  const argv = ['--import', 'tsx', 'src/cli/main.ts', 'verify', KRATOS, '--db', url, '--format', 'json'];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<Exit>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, exit };
}

async function scratchDatabases(url: string): Promise<{ datname: string; note: string | null }[]> {
  const admin = await openServer(url);
  try {
    const { rows } = await admin.query<{ datname: string; note: string | null }>(
      `SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database
        WHERE starts_with(datname, 'pgvigil_scratch_') ORDER BY datname`,
    );
    return rows;
  } finally {
    await admin.close();
  }
}

/** Waits until the child's scratch database (its name names the child's pid) exists. */
async function childScratch(url: string, run: ReturnType<typeof verifyInChild>): Promise<string> {
  const pid = run.child.pid ?? 0;
  let exited: Exit | undefined;
  void run.exit.then((exit) => {
    exited = exit;
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited) throw new Error(`verify ended before the fault (exit ${exited.code}): ${exited.stderr}`);
    const mine = (await scratchDatabases(url)).find((row) =>
      row.datname.startsWith(`pgvigil_scratch_${pid}_`),
    );
    if (mine) return mine.datname;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`process ${pid} made no scratch database within a minute`);
}

function expectLostConnection(exit: Exit): void {
  expect(exit.code).toBe(2);
  expect(exit.stderr).toMatch(
    /^pgvigil: lost the connection to 127\.0\.0\.1:\d+ mid-run: .*Results are incomplete/,
  );
  expect(exit.stderr).not.toMatch(/\n\s+at /);
  expect(exit.stderr).not.toContain('internal error');
}

describe('the connection is reset mid-run', () => {
  it('says so in one line, exits 2 and still drops its scratch database', async () => {
    const url = testServerUrl();
    if (!url) throw new Error('the server faults need the test PostgreSQL server');
    const run = verifyInChild(url);
    const scratch = await childScratch(url, run);
    const admin = await openServer(url);
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
        scratch,
      ]);
    } finally {
      await admin.close();
    }
    expectLostConnection(await run.exit);
    expect((await scratchDatabases(url)).map((row) => row.datname)).not.toContain(scratch);
  }, 120_000);
});

describe('the server is killed mid-run', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('says so in one line and exits 2; the next run on that server drops what the killed one left', async () => {
    const run = verifyInChild(cluster.url);
    const scratch = await childScratch(cluster.url, run);
    cluster.crash();
    expectLostConnection(await run.exit);
    cluster.restart();
    expect((await scratchDatabases(cluster.url)).map((row) => row.datname)).toContain(scratch);
    const next = await cli('verify', ...BLOG, '--db', cluster.url);
    expect(next.code).toBe(0);
    expect(await scratchDatabases(cluster.url)).toEqual([]);
  }, 180_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { startCluster, type TestCluster } from '../support/pg-cluster.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import { sleepingIn } from '../verify/interrupt-run.js';

const BLOG = ['examples/blog/migrations', '--schema', 'examples/blog/schema.sql'];

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Run {
  readonly child: ChildProcess;
  readonly exit: Promise<Exit>;
}

/**
 * Four migrations: 000001 leaves an index behind on the way down (a finding), 000002 creates a
 * role (the cluster's: it outlives the scratch database unless pgvigil drops it), 000003 sleeps,
 * long enough for the fault to hit it, 000004 is never reached.
 */
async function project(role: string): Promise<string> {
  return tempProject({
    'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n',
    'migrations/000001_index.up.sql': 'CREATE INDEX posts_title_idx ON posts (title);\n',
    'migrations/000001_index.down.sql': 'SELECT 1;\n',
    'migrations/000002_role.up.sql': `CREATE ROLE ${role};\n`,
    'migrations/000002_role.down.sql': `DROP ROLE ${role};\n`,
    'migrations/000003_slow.up.sql': 'SELECT pg_sleep(60);\n',
    'migrations/000003_slow.down.sql': 'SELECT 1;\n',
    'migrations/000004_t.up.sql': 'CREATE TABLE t (id int);\n',
    'migrations/000004_t.down.sql': 'DROP TABLE t;\n',
  });
}

/** verify (or lint --trace) --db in its own process, as a user runs it. */
function runInChild(dir: string, url: string, command: readonly string[], format = 'json'): Run {
  // node --import tsx runs the CLI in this very process, so child.pid is the pid its scratch database names.
  const argv = ['--import', 'tsx', 'src/cli/main.ts', ...command, `${dir}/migrations`];
  argv.push('--schema', `${dir}/schema.sql`, '--db', url, '--format', format);
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<Exit>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, exit };
}

async function checkpoint(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}

async function onServer<T>(url: string, fn: (admin: Awaited<ReturnType<typeof openServer>>) => Promise<T>) {
  const admin = await openServer(url);
  try {
    return await fn(admin);
  } finally {
    await admin.close();
  }
}

async function scratchDatabases(url: string): Promise<string[]> {
  return onServer(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, 'pgvigil_scratch_') ORDER BY datname`,
    );
    return rows.map((row) => row.datname);
  });
}

/** Ends every session in the database, as pg_terminate_backend or a network reset would. */
async function terminateSessions(url: string, database: string): Promise<void> {
  await onServer(url, (admin) =>
    admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]),
  );
}

async function roleExists(url: string, role: string): Promise<boolean> {
  return onServer(
    url,
    async (admin) => (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rows.length > 0,
  );
}

/** Waits until the child's scratch session (its database names the child's pid) runs migration 000003's sleep. */
async function childSleeping(url: string, run: Run): Promise<string> {
  const pid = run.child.pid ?? 0;
  let exited: Exit | undefined;
  void run.exit.then((exit) => {
    exited = exit;
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited) throw new Error(`the run ended before the fault (exit ${exited.code}): ${exited.stderr}`);
    const sleeping = await onServer(url, (admin) => sleepingIn(admin, pid));
    if (sleeping) return sleeping;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`process ${pid} did not reach migration 000003 within a minute`);
}

function expectNoStack(exit: Exit): void {
  expect(exit.stderr).not.toMatch(/\n\s+at /);
  expect(exit.stderr).not.toContain('internal error');
}

/** Exit 2, one line on stderr, and a JSON report with the findings before the fault, marked partial at 000003. */
function expectPartial(exit: Exit, command: 'verify' | 'trace'): Diagnostic[] {
  expect(exit.code).toBe(2);
  expectNoStack(exit);
  expect(exit.stderr).toMatch(
    new RegExp(
      `^pgvigil: partial results: ${command} stopped at \\S+000003_slow\\.up\\.sql \\(migration 3 of 4\\): lost the connection to 127\\.0\\.0\\.1:\\d+ mid-run: [^\\n]+\\n$`,
    ),
  );
  const report = JSON.parse(exit.stdout) as { diagnostics: Diagnostic[]; partial: { stoppedAt: string } };
  expect(report.partial.stoppedAt).toMatch(/000003_slow\.up\.sql$/);
  const stop = report.diagnostics.filter((d) => d.data?.partial === true);
  expect(stop.map((d) => `${d.severity} ${d.rule} ${d.file?.replace(/.*\//, '')}:${d.line}`)).toEqual([
    'error statement-failed 000003_slow.up.sql:1',
  ]);
  expect(report.diagnostics.some((d) => d.file?.endsWith('000004_t.up.sql'))).toBe(false);
  return report.diagnostics;
}

function rulesAt(diagnostics: readonly Diagnostic[], file: string): string[] {
  return diagnostics.filter((d) => d.file?.endsWith(file)).map((d) => d.rule);
}

describe('the connection is reset mid-run', () => {
  const url = testServerUrl() ?? '';

  it('verify reports the migrations before it, marked partial, exits 2 and drops its scratch database and roles', async () => {
    const role = uniqueName('pgvigil_fault_role');
    const run = runInChild(await project(role), url, ['verify']);
    const scratch = await childSleeping(url, run);
    expect(await roleExists(url, role)).toBe(true);
    await terminateSessions(url, scratch);
    const diagnostics = expectPartial(await run.exit, 'verify');
    // 000001's round trip ended before the fault: its finding stands.
    expect(rulesAt(diagnostics, '000001_index.down.sql')).toEqual(['reversibility']);
    expect(await scratchDatabases(url)).not.toContain(scratch);
    expect(await roleExists(url, role)).toBe(false);
  }, 120_000);

  it('lint --trace reports the migrations traced before it, marked partial in the text report too', async () => {
    const role = uniqueName('pgvigil_fault_role');
    const dir = await project(role);
    const json = runInChild(dir, url, ['lint', '--trace']);
    const scratch = await childSleeping(url, json);
    await terminateSessions(url, scratch);
    const diagnostics = expectPartial(await json.exit, 'trace');
    expect(rulesAt(diagnostics, '000001_index.up.sql')).toContain('trace-step');
    expect(await roleExists(url, role)).toBe(false);

    const text = runInChild(dir, url, ['lint', '--trace'], 'text');
    const textScratch = await childSleeping(url, text);
    await terminateSessions(url, textScratch);
    const exit = await text.exit;
    expect(exit.code).toBe(2);
    expect(exit.stdout).toMatch(/trace stopped here \(migration 3 of 4\): lost the connection/);
    expect(exit.stdout).toMatch(
      /\n✖ partial results: trace stopped at \S+000003_slow\.up\.sql \(migration 3 of 4\)/,
    );
    expect(await scratchDatabases(url)).not.toContain(textScratch);
  }, 120_000);
});

describe('the process is killed (-9) mid-run', () => {
  // A cluster of its own: on the shared test server, another test file's verify --db may sweep the
  // killed run's leftovers (rightly: their creator is gone) before this test has looked at them.
  let cluster: TestCluster;
  let url = '';
  beforeAll(async () => {
    cluster = await startCluster();
    url = cluster.url;
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('leaves its scratch database and role, and the next run on that server drops both', async () => {
    const role = uniqueName('pgvigil_killed_role');
    const run = runInChild(await project(role), url, ['verify']);
    const scratch = await childSleeping(url, run);
    run.child.kill('SIGKILL');
    await run.exit;
    // The server ends the dead client's session on its own; the next run waits for nobody.
    await terminateSessions(url, scratch);
    expect(await scratchDatabases(url)).toContain(scratch);
    expect(await roleExists(url, role)).toBe(true);
    const next = await cli('verify', ...BLOG, '--db', url);
    expect(next.code).toBe(0);
    expect(await scratchDatabases(url)).not.toContain(scratch);
    expect(await roleExists(url, role)).toBe(false);
  }, 120_000);
});

describe('the server is killed mid-run', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('verify reports what it verified, marked partial, exits 2; the next run drops what the killed one left', async () => {
    const role = uniqueName('pgvigil_crash_role');
    const run = runInChild(await project(role), cluster.url, ['verify']);
    const scratch = await childSleeping(cluster.url, run);
    // The cluster commits asynchronously (synchronous_commit = off): without a checkpoint the crash
    // may lose the role's last CREATE, and then there would be nothing left for the next run to sweep.
    await checkpoint(cluster.url);
    cluster.crash();
    const diagnostics = expectPartial(await run.exit, 'verify');
    expect(rulesAt(diagnostics, '000001_index.down.sql')).toEqual(['reversibility']);
    cluster.restart();
    expect(await scratchDatabases(cluster.url)).toContain(scratch);
    expect(await roleExists(cluster.url, role)).toBe(true);
    const next = await cli('verify', ...BLOG, '--db', cluster.url);
    expect(next.code).toBe(0);
    expect(await scratchDatabases(cluster.url)).toEqual([]);
    expect(await roleExists(cluster.url, role)).toBe(false);
  }, 180_000);
});

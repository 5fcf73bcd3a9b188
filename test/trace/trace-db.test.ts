import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { SCRATCH_PREFIX } from '../../src/engine/scratch.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import { interruptWhileSleeping } from '../verify/interrupt-run.js';

const adminUrl = testServerUrl() ?? '';

/** The scratch databases of this process (the in-process CLI's): other test files run theirs meanwhile. */
async function scratchDatabases(admin: Engine): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1',
    [`${SCRATCH_PREFIX}${process.pid}_`],
  );
  return rows.map((row) => row.datname);
}

async function databaseExists(admin: Engine, name: string): Promise<boolean> {
  return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length > 0;
}

async function userTables(url: string): Promise<string[]> {
  const user = await openServer(url);
  try {
    const { rows } = await user.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  } finally {
    await user.close();
  }
}

async function lintJson(...argv: string[]) {
  const run = await cli('lint', ...argv, '--format', 'json');
  const diagnostics: Diagnostic[] = run.stdout ? JSON.parse(run.stdout).diagnostics : [];
  return { ...run, diagnostics };
}

// The server is PostgreSQL 15 and the embedded engine 18: a statement that fails unless it runs on
// the server's major version tells where the trace ran.
function onlyOnMajor(major: number): string {
  return `DO $$ BEGIN IF current_setting('server_version_num')::int / 10000 <> ${major} THEN RAISE EXCEPTION 'not on the server'; END IF; END $$;`;
}

describe('lint --trace --db', () => {
  let admin: Engine;
  let userDb = '';
  let userUrl = '';
  let major = 0;
  let userTablesBefore: string[] = [];

  beforeAll(async () => {
    admin = await openServer(adminUrl);
    major = Math.floor(admin.serverVersion / 10000);
    userDb = uniqueName('pgvigil_user');
    await admin.exec(`CREATE DATABASE ${userDb}`);
    userUrl = urlForDatabase(adminUrl, userDb);
    const user = await openServer(userUrl);
    await user.exec('CREATE TABLE accounts (id int PRIMARY KEY); INSERT INTO accounts VALUES (1)');
    await user.close();
    userTablesBefore = await userTables(userUrl);
  });

  afterAll(async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${userDb} WITH (FORCE)`);
    await admin.close();
  });

  it('traces on the server in a scratch database that is gone afterwards, the user’s database untouched', async () => {
    const role = uniqueName('pgvigil_trace_role');
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n',
      'migrations/000001_x.up.sql': [
        onlyOnMajor(major),
        'ALTER TABLE posts ADD COLUMN note text;',
        'CREATE TABLE tags (id bigint PRIMARY KEY);',
      ].join('\n'),
      // Roles are the cluster's, not the scratch database's: this one must go with it.
      'migrations/000002_role.up.sql': `CREATE ROLE ${role};`,
    });
    const args = [`${dir}/migrations`, '--schema', `${dir}/schema.sql`, '--trace'];
    const before = await scratchDatabases(admin);
    const traced = await lintJson(...args, '--db', userUrl);
    expect(traced.stderr).toBe('');
    expect(traced.diagnostics.map((d) => d.rule)).not.toContain('statement-failed');
    const timeline = traced.diagnostics.find((d) => d.rule === 'lock-timeline');
    expect(timeline?.data?.spans).toEqual([
      {
        table: 'public.posts',
        lock: 'AccessExclusiveLock',
        fromLine: 2,
        until: 'end of migration',
        lines: [2, 3],
      },
    ]);
    expect(await scratchDatabases(admin)).toEqual(before);
    expect(await userTables(userUrl)).toEqual(userTablesBefore);
    const roles = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    expect(roles.rows).toEqual([]);
    // The control: on the embedded engine the guard statement fails.
    const embedded = await lintJson(...args);
    expect(embedded.diagnostics.filter((d) => d.rule === 'statement-failed').map((d) => d.line)).toEqual([1]);
  });

  it('check --trace --db traces on the server the same way, in a scratch database that is gone afterwards', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n',
      'migrations/000001_x.up.sql': [onlyOnMajor(major), 'ALTER TABLE posts ADD COLUMN note text;'].join(
        '\n',
      ),
    });
    const before = await scratchDatabases(admin);
    const run = await cli('check', dir, '--trace', '--db', userUrl, '--format', 'json');
    const diagnostics: Diagnostic[] = JSON.parse(run.stdout).diagnostics;
    expect(diagnostics.map((d) => d.rule)).not.toContain('statement-failed');
    expect(diagnostics.map((d) => d.rule)).toContain('lock-timeline');
    expect(await scratchDatabases(admin)).toEqual(before);
    expect(await userTables(userUrl)).toEqual(userTablesBefore);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'drops the scratch database and the roles the run created when interrupted by %s (exit %i, promptly)',
    async (signal, exitCode) => {
      const role = uniqueName('pgvigil_interrupted');
      const dir = await tempProject({
        'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY);\n',
        'migrations/000001_role.up.sql': `CREATE ROLE ${role};\n`,
        'migrations/000002_slow.up.sql': 'SELECT pg_sleep(60);\n',
      });
      const argv = ['lint', `${dir}/migrations`, '--schema', `${dir}/schema.sql`, '--trace', '--db', userUrl];
      const run = await interruptWhileSleeping(admin, argv, signal);
      expect(run.code).toBe(exitCode);
      expect(run.exitMs).toBeLessThan(5000);
      expect(await databaseExists(admin, run.scratch)).toBe(false);
      expect((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rows).toEqual([]);
      expect(await userTables(userUrl)).toEqual(userTablesBefore);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../src/engine/engine.js';
import { SCRATCH_PREFIX } from '../../src/engine/scratch.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import { interruptWhileSleeping } from './interrupt-run.js';

const adminUrl = testServerUrl() ?? '';

interface RoleRow {
  readonly connlimit: number;
  readonly note: string | null;
  readonly members: string[];
}

describe('verify --db and lint --trace --db: roles that exist on the server', () => {
  let admin: Engine;
  beforeAll(async () => {
    if (!adminUrl) throw new Error('these tests need the test PostgreSQL server');
    admin = await openServer(adminUrl);
  });
  afterAll(() => admin?.close());

  async function role(name: string): Promise<RoleRow | undefined> {
    const { rows } = await admin.query<RoleRow>(
      `SELECT rolconnlimit AS connlimit, shobj_description(r.oid, 'pg_authid') AS note,
              ARRAY(SELECT m.rolname::text FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member
                     WHERE a.roleid = r.oid ORDER BY 1) AS members
         FROM pg_roles r WHERE rolname = $1`,
      [name],
    );
    return rows[0];
  }

  /** The scratch databases of this process (the in-process CLI's): other test files run theirs meanwhile. */
  async function scratchDatabases(): Promise<string[]> {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${SCRATCH_PREFIX}${process.pid}_`],
    );
    return rows.map((row) => row.datname);
  }

  it('leave it untouched: its CREATE ROLE, ALTER ROLE and DROP ROLE are not run, each with an info finding, and the run goes on', async () => {
    const theirs = uniqueName('pgvigil_theirs');
    const mine = uniqueName('pgvigil_mine');
    await admin.exec(
      `CREATE ROLE ${theirs} CONNECTION LIMIT 3; COMMENT ON ROLE ${theirs} IS 'the application''s'`,
    );
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n',
      'migrations/000001_roles.up.sql': [
        `CREATE ROLE ${theirs};`,
        `CREATE ROLE ${mine} IN ROLE ${theirs};`,
        `GRANT SELECT ON posts TO ${theirs}, ${mine};`,
        `ALTER ROLE ${theirs} CONNECTION LIMIT 5;`,
      ].join('\n'),
      'migrations/000001_roles.down.sql': [
        `REVOKE SELECT ON posts FROM ${theirs}, ${mine};`,
        `DROP ROLE ${mine};`,
        `DROP ROLE ${theirs};`,
      ].join('\n'),
      'migrations/000002_t.up.sql': 'CREATE TABLE t (id int);',
      'migrations/000002_t.down.sql': 'DROP TABLE t;',
    });
    const args = [`${dir}/migrations`, '--schema', `${dir}/schema.sql`, '--db', adminUrl, '--format', 'json'];
    expect(await scratchDatabases()).toEqual([]);
    try {
      for (const command of [['verify'], ['lint', '--trace']]) {
        const run = await cli(...command, ...args);
        expect(run.stderr, command[0]).toBe('');
        const diagnostics: Diagnostic[] = JSON.parse(run.stdout).diagnostics;
        const at = (rule: string) =>
          diagnostics
            .filter((d) => d.rule === rule)
            .map((d) => `${d.severity} ${(d.file ?? '').slice(dir.length + 1)}:${d.line}`);
        const leftAlone =
          command[0] === 'verify'
            ? [
                'migrations/000001_roles.down.sql:3',
                'migrations/000001_roles.up.sql:1',
                'migrations/000001_roles.up.sql:4',
              ]
            : ['migrations/000001_roles.up.sql:1', 'migrations/000001_roles.up.sql:4'];
        expect(at('unsupported-input'), command[0]).toEqual(leftAlone.map((where) => `info ${where}`));
        expect(at('statement-failed'), command[0]).toEqual([]);
        expect(diagnostics.find((d) => d.line === 1)?.message).toContain(`Role ${theirs} already exists`);
        // The server's role is as it was; the one the migration created is gone, and so is its membership.
        expect(await role(theirs)).toEqual({ connlimit: 3, note: "the application's", members: [] });
        expect(await role(mine)).toBeUndefined();
        expect(await scratchDatabases()).toEqual([]);
      }
    } finally {
      await admin.exec(`DROP ROLE IF EXISTS ${mine}; DROP ROLE IF EXISTS ${theirs}`);
    }
  });

  it("roles made or changed in a DO block: its new role is dropped after the run, a DO that would change the server's role is not run", async () => {
    const theirs = uniqueName('pgvigil_theirs_do');
    const mine = uniqueName('pgvigil_mine_do');
    await admin.exec(`CREATE ROLE ${theirs} CONNECTION LIMIT 3`);
    const createIfMissing = `DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${mine}') THEN
    CREATE ROLE ${mine} NOLOGIN;
  END IF;
END
$$;`;
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY);\n',
      'migrations/000001_roles.up.sql': `${createIfMissing}\nGRANT SELECT ON posts TO ${mine};\n`,
      'migrations/000001_roles.down.sql': `REVOKE SELECT ON posts FROM ${mine};\n`,
      'migrations/000002_theirs.up.sql': `DO $$ BEGIN ALTER ROLE ${theirs} CONNECTION LIMIT 9; END $$;\n`,
      'migrations/000002_theirs.down.sql': 'SELECT 1;\n',
    });
    const args = [`${dir}/migrations`, '--schema', `${dir}/schema.sql`, '--db', adminUrl, '--format', 'json'];
    try {
      for (const command of [['verify'], ['lint', '--trace']]) {
        const run = await cli(...command, ...args);
        expect(run.stderr, command[0]).toBe('');
        const diagnostics: Diagnostic[] = JSON.parse(run.stdout).diagnostics;
        const leftAlone = diagnostics.filter((d) => d.rule === 'unsupported-input');
        expect(
          leftAlone.map((d) => `${d.file?.split('/').pop()}:${d.line}`),
          command[0],
        ).toEqual(['000002_theirs.up.sql:1']);
        expect(
          diagnostics.filter((d) => d.rule === 'statement-failed'),
          command[0],
        ).toEqual([]);
        expect(await role(theirs)).toMatchObject({ connlimit: 3 });
        expect(await role(mine), command[0]).toBeUndefined();
        expect(await scratchDatabases()).toEqual([]);
      }
    } finally {
      await admin.exec(`DROP ROLE IF EXISTS ${mine}; DROP ROLE IF EXISTS ${theirs}`);
    }
  });

  it('Ctrl-C during verify: the scratch database and the roles the run created are gone, and the process exits promptly', async () => {
    const mine = uniqueName('pgvigil_interrupted');
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY);\n',
      'migrations/000001_role.up.sql': `CREATE ROLE ${mine};\nGRANT SELECT ON posts TO ${mine};\n`,
      'migrations/000001_role.down.sql': `REVOKE SELECT ON posts FROM ${mine};\nDROP ROLE ${mine};\n`,
      'migrations/000002_slow.up.sql': 'SELECT pg_sleep(60);\n',
      'migrations/000002_slow.down.sql': 'SELECT 1;\n',
    });
    const argv = ['verify', `${dir}/migrations`, '--schema', `${dir}/schema.sql`, '--db', adminUrl];
    const run = await interruptWhileSleeping(admin, argv, 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.exitMs).toBeLessThan(5000);
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [run.scratch]);
    expect(rows).toEqual([]);
    expect(await role(mine)).toBeUndefined();
  });
});

import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../src/engine/engine.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const adminUrl = testServerUrl() ?? '';

interface DatabaseState {
  readonly settings: string[] | null;
  readonly note: string | null;
  readonly acl: string | null;
}

describe('verify --db and lint --trace --db: nothing outside the scratch database changes', () => {
  let admin: Engine;
  const app = uniqueName('pgvigil_app');
  const copied = join(tmpdir(), `${uniqueName('pgvigil_copy')}.csv`);
  beforeAll(async () => {
    if (!adminUrl) throw new Error('these tests need the test PostgreSQL server');
    admin = await openServer(adminUrl);
    await admin.exec(`CREATE DATABASE ${app}`);
  });
  afterAll(async () => {
    await admin?.exec(`DROP DATABASE IF EXISTS ${app}`);
    await admin?.exec('ALTER SYSTEM RESET work_mem');
    await admin?.close();
  });

  async function database(): Promise<DatabaseState | undefined> {
    const { rows } = await admin.query<DatabaseState>(
      `SELECT (SELECT setconfig FROM pg_db_role_setting s WHERE s.setdatabase = d.oid AND s.setrole = 0) AS settings,
              shobj_description(d.oid, 'pg_database') AS note, datacl::text AS acl
         FROM pg_database d WHERE datname = $1`,
      [app],
    );
    return rows[0];
  }

  async function systemWorkMem(): Promise<number> {
    const { rows } = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_file_settings WHERE name = 'work_mem' AND sourcefile LIKE '%postgresql.auto.conf'",
    );
    return rows[0]?.n ?? -1;
  }

  it("leaves the user's database, the server's configuration and its disk alone; the rest of the run goes on", async () => {
    const dir = await tempProject({
      'migrations/000001_init.up.sql': [
        'CREATE TABLE t (id int);',
        `ALTER DATABASE ${app} SET work_mem = '77MB';`,
        `COMMENT ON DATABASE ${app} IS 'touched by a migration';`,
        `REVOKE ALL ON DATABASE ${app} FROM PUBLIC;`,
        `DO $$ BEGIN EXECUTE 'ALTER DATABASE ${app} SET timezone = ''UTC'''; END $$;`,
        `COPY (SELECT 1) TO '${copied}';`,
        'SELECT pg_terminate_backend(0);',
      ].join('\n'),
      'migrations/000001_init.down.sql': 'DROP TABLE t;\n',
      // Alone in its file: golang-migrate sends it outside any transaction, where it would act.
      'migrations/000002_system.up.sql': "ALTER SYSTEM SET work_mem = '99MB';\n",
      'migrations/000002_system.down.sql': 'ALTER SYSTEM RESET work_mem;\n',
      // In the implicit transaction of a multi-statement file PostgreSQL refuses it before it acts.
      'migrations/000003_in_tx.up.sql': "CREATE TABLE u (id int);\nALTER SYSTEM SET work_mem = '98MB';\n",
      'migrations/000003_in_tx.down.sql': 'DROP TABLE u;\n',
    });
    const before = await database();
    expect(before).toEqual({ settings: null, note: null, acl: null });
    for (const command of [['verify'], ['lint', '--trace']]) {
      const run = await cli(...command, `${dir}/migrations`, '--db', adminUrl, '--format', 'json');
      const diagnostics: Diagnostic[] = JSON.parse(run.stdout).diagnostics;
      const at = (rules: readonly string[]) =>
        diagnostics
          .filter((d) => rules.includes(d.rule) && d.file?.endsWith('.up.sql'))
          .map((d) => `${d.severity} ${d.file?.split('/').pop()}:${d.line}`);
      expect(at(['unsupported-input']), command[0]).toEqual(
        [
          '000001_init.up.sql:2',
          '000001_init.up.sql:3',
          '000001_init.up.sql:4',
          '000001_init.up.sql:5',
          '000001_init.up.sql:6',
          '000001_init.up.sql:7',
          '000002_system.up.sql:1',
        ].map((where) => `info ${where}`),
      );
      // The refusal a deploy would meet is still reported: PostgreSQL refused it, nothing ran.
      expect(at(['statement-failed', 'ban-concurrent-in-transaction']), command[0]).toEqual([
        'error 000003_in_tx.up.sql:2',
      ]);
      expect(diagnostics.find((d) => d.line === 2)?.message).toContain(`database ${app}`);
      expect(await database(), command[0]).toEqual(before);
      expect(await systemWorkMem(), command[0]).toBe(0);
      expect(existsSync(copied), command[0]).toBe(false);
    }
  });
});

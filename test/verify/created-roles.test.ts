import { expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { dropRolesCreatedSince, existingRoles } from '../../src/migrate/created-roles.js';
import { RoleRecorder } from '../../src/migrate/role-recorder.js';
import { initSql } from '../../src/sql/parser.js';
import { resetDatabase } from '../../src/verify/reset-database.js';
import { describeEachEngine, uniqueName } from '../support/engines.js';
import { verifyProject } from './verify-project.js';

const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

async function roleExists(engine: Engine, role: string): Promise<boolean> {
  const { rows } = await engine.query('SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1', [role]);
  return rows.length > 0;
}

describeEachEngine('verify: roles the migrations create', (open) => {
  it('are dropped after the run and before a rebuild, so every CREATE ROLE runs again cleanly', async () => {
    const engine = await open();
    const role = uniqueName('pgvigil_reader');
    const files = {
      'migrations/000001_reader.up.sql': `CREATE ROLE ${role};\nGRANT SELECT ON posts TO ${role};`,
      'migrations/000001_reader.down.sql': `REVOKE SELECT ON posts FROM ${role};\nDROP ROLE ${role};`,
      // A down that fails outside a transaction: verify rebuilds the database up to here, 000001 included.
      'migrations/000002_t.up.sql': 'CREATE TABLE t (id int);',
      'migrations/000002_t.down.sql': 'DROP TABLE no_such_table;',
    };
    try {
      for (const run of [1, 2]) {
        if (run === 2) await resetDatabase(engine);
        const { diagnostics, root } = await verifyProject(engine, SCHEMA, files);
        expect(
          diagnostics.map((d) => `${d.rule} ${(d.file ?? '').slice(root.length + 1)}`),
          `run ${run}`,
        ).toEqual(['statement-failed migrations/000002_t.down.sql']);
        expect(await roleExists(engine, role)).toBe(false);
      }
    } finally {
      await engine.exec(`DROP ROLE IF EXISTS ${role}`);
      await engine.close();
    }
  });

  it('leaves alone a role someone else created meanwhile: only the roles its own statements made go', async () => {
    await initSql();
    const engine = await open();
    const mine = uniqueName('pgvigil_mine');
    const theirs = uniqueName('pgvigil_theirs');
    try {
      const recorder = new RoleRecorder(engine);
      const before = await existingRoles(engine);
      await recorder.transaction((tx) => tx.exec(`CREATE ROLE ${mine}`));
      // Not through the recorder: another session on the same cluster, as far as pgvigil can tell.
      await engine.exec(`CREATE ROLE ${theirs}`);
      expect(await dropRolesCreatedSince(recorder, before)).toEqual([]);
      expect(await roleExists(engine, mine)).toBe(false);
      expect(await roleExists(engine, theirs)).toBe(true);
    } finally {
      await engine.exec(`DROP ROLE IF EXISTS ${mine}; DROP ROLE IF EXISTS ${theirs}`);
      await engine.close();
    }
  });
});

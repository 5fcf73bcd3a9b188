import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { markRoleSql, scratchOfRole, sweepScratchRoles } from '../../src/engine/scratch-roles.js';
import { scratchName } from '../../src/engine/scratch-sweep.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';

describe('the mark of a role made in a scratch database', () => {
  it('names that database, and nothing else reads as one', () => {
    const db = scratchName();
    const sql = markRoleSql('app reader', db);
    const note = /IS '(.*)'$/.exec(sql)?.[1] ?? '';
    expect(sql.startsWith('COMMENT ON ROLE "app reader" IS ')).toBe(true);
    expect(scratchOfRole(note)).toBe(db);
    expect(scratchOfRole('the application’s reader')).toBeUndefined();
    expect(scratchOfRole('pgvigil scratch role of app_production')).toBeUndefined();
    expect(scratchOfRole(null)).toBeUndefined();
  });
});

describe('sweepScratchRoles', () => {
  let admin: Engine;
  beforeAll(async () => {
    const url = testServerUrl();
    if (!url) throw new Error('the sweep needs the test PostgreSQL server');
    admin = await openServer(url);
  });
  afterAll(() => admin?.close());

  it('drops the marked roles whose scratch database is gone, never an unmarked one or one whose database exists', async () => {
    const live = scratchName();
    const gone = scratchName();
    const roles = {
      orphan: uniqueName('pgvigil_orphan'),
      live: uniqueName('pgvigil_live'),
      unmarked: uniqueName('pgvigil_unmarked'),
      theirs: uniqueName('pgvigil_theirs'),
    };
    await admin.exec(`CREATE DATABASE ${live}`);
    try {
      await admin.exec(
        [
          `CREATE ROLE ${roles.orphan}`,
          markRoleSql(roles.orphan, gone),
          `CREATE ROLE ${roles.live}`,
          markRoleSql(roles.live, live),
          `CREATE ROLE ${roles.unmarked}`,
          `CREATE ROLE ${roles.theirs}`,
          `COMMENT ON ROLE ${roles.theirs} IS 'made by hand, like pgvigil scratch role of ${gone}'`,
        ].join(';\n'),
      );
      const swept = await sweepScratchRoles(admin);
      expect(swept).toContain(roles.orphan);
      const { rows } = await admin.query<{ name: string }>(
        'SELECT rolname AS name FROM pg_roles WHERE rolname = ANY($1) ORDER BY 1',
        [Object.values(roles)],
      );
      expect(rows.map((row) => row.name)).toEqual([roles.live, roles.theirs, roles.unmarked].sort());
    } finally {
      await admin.exec(`DROP DATABASE IF EXISTS ${live}`);
      for (const role of Object.values(roles)) await admin.exec(`DROP ROLE IF EXISTS ${role}`);
    }
  });
});

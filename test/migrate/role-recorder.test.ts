import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { RoleRecorder } from '../../src/migrate/role-recorder.js';
import { initSql } from '../../src/sql/parser.js';
import { openServerTestDatabase, uniqueName } from '../support/engines.js';

describe('RoleRecorder with guard: a role of the server the run did not create is never changed', () => {
  let engine: Engine;
  const theirs = uniqueName('pgvigil_theirs');
  const other = uniqueName('pgvigil_other');
  const mine = uniqueName('pgvigil_mine');
  beforeAll(async () => {
    await initSql();
    engine = await openServerTestDatabase();
    await engine.exec(`CREATE ROLE ${theirs}; CREATE ROLE ${other}`);
  });
  afterAll(async () => {
    await engine?.exec(
      `DROP ROLE IF EXISTS ${mine}; DROP ROLE IF EXISTS ${theirs}; DROP ROLE IF EXISTS ${other}`,
    );
    await engine?.close();
  });

  async function members(role: string): Promise<string[]> {
    const { rows } = await engine.query<{ name: string }>(
      `SELECT m.rolname AS name FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member
        WHERE a.roleid = (SELECT oid FROM pg_roles WHERE rolname = $1) ORDER BY 1`,
      [role],
    );
    return rows.map((row) => row.name);
  }

  it('runs what touches only its own roles, and notes each statement it left alone', async () => {
    const recorder = new RoleRecorder(engine, new Set(), { guard: true });
    const statements = [
      `CREATE ROLE ${theirs} LOGIN`, // exists: left alone
      `CREATE ROLE ${mine}`, // runs
      `GRANT ${mine} TO ${theirs}`, // a membership of the run's role: goes with it, runs
      `GRANT ${other} TO ${theirs}`, // between two roles of the server: left alone
      `ALTER ROLE ${theirs} CONNECTION LIMIT 1`, // left alone
      'ALTER USER CURRENT_USER SET work_mem = 1234', // the session's user: left alone
      `DROP OWNED BY ${theirs}`, // left alone
      `ALTER ROLE ${mine} RENAME TO ${mine}_renamed`, // runs: the new name is the run's too
      `DROP ROLE ${mine}_renamed`, // runs
    ];
    for (const sql of statements) await recorder.exec(sql);
    expect(recorder.leftAlone.map((note) => `${note.kind} ${note.sql}`)).toEqual(
      [0, 3, 4, 5, 6].map((i) => `${i === 0 ? 'create' : 'change'} ${statements[i]}`),
    );
    expect([...recorder.created].sort()).toEqual([mine, `${mine}_renamed`]);
    expect(await members(other)).toEqual([]);
    const { rows } = await engine.query<{ limit: number; login: boolean }>(
      'SELECT rolconnlimit AS limit, rolcanlogin AS login FROM pg_roles WHERE rolname = $1',
      [theirs],
    );
    expect(rows).toEqual([{ limit: -1, login: false }]);
  });

  it('does not guard without the option (the embedded engine, whose roles are its own)', async () => {
    const recorder = new RoleRecorder(engine);
    await expect(recorder.exec(`CREATE ROLE ${theirs}`)).rejects.toMatchObject({ code: '42710' });
    expect(recorder.created.has(theirs)).toBe(false);
  });
});

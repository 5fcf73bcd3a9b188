import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { readOwnLocks } from '../../src/observe/locks.js';
import { describeEachEngine } from '../support/engines.js';

const SCHEMA = `
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int, a int);
ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;
INSERT INTO parent VALUES (1), (2);
INSERT INTO child VALUES (1, 1, 1), (2, 2, NULL);`;

/** The locks our backend holds on each named relation right after sql ran in an open, rolled-back transaction. */
async function locksAfter(engine: Engine, sql: string): Promise<Record<string, string[]>> {
  return engine.transaction(
    async (tx) => {
      await tx.exec(sql);
      const { locks } = await readOwnLocks(tx);
      const names = [...new Set(locks.map((l) => l.relation ?? `oid ${l.oid}`))];
      return Object.fromEntries(
        names.map((name) => [
          name,
          locks
            .filter((l) => (l.relation ?? `oid ${l.oid}`) === name)
            .map((l) => l.mode)
            .sort(),
        ]),
      );
    },
    { rollback: true },
  );
}

describeEachEngine('readOwnLocks', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(SCHEMA);
  });
  afterAll(() => engine.close());

  it('leaves out pg_locks itself and the catalogs our own lookups touch', async () => {
    const held = await engine.transaction(
      async (tx) => {
        await tx.query('SELECT count(*) FROM pg_class JOIN pg_namespace ON true');
        return readOwnLocks(tx);
      },
      { rollback: true },
    );
    expect(held.locks).toEqual([]);
    expect(held.holdsXid).toBe(false);
  });

  it('a plain SELECT holds ACCESS SHARE on the table and its index until the transaction ends', async () => {
    expect(await locksAfter(engine, 'SELECT * FROM child WHERE id = 1')).toMatchObject({
      'public.child': ['AccessShareLock'],
    });
  });

  it('CREATE INDEX holds SHARE on the table, and the new index is born ACCESS EXCLUSIVE', async () => {
    expect(await locksAfter(engine, 'CREATE INDEX child_a_idx ON child (a)')).toEqual({
      'public.child': ['ShareLock'],
      'public.child_a_idx': ['AccessExclusiveLock'],
    });
  });

  it('ADD COLUMN and SET NOT NULL hold ACCESS EXCLUSIVE', async () => {
    expect(await locksAfter(engine, 'ALTER TABLE child ADD COLUMN c int')).toEqual({
      'public.child': ['AccessExclusiveLock'],
    });
    expect(await locksAfter(engine, 'ALTER TABLE child ALTER COLUMN id SET NOT NULL')).toEqual({
      'public.child': ['AccessExclusiveLock'],
    });
  });

  it('ADD FOREIGN KEY ... NOT VALID holds SHARE ROW EXCLUSIVE on both tables', async () => {
    const locks = await locksAfter(
      engine,
      'ALTER TABLE child ADD CONSTRAINT child_parent_fk2 FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID',
    );
    expect(locks['public.child']).toContain('ShareRowExclusiveLock');
    expect(locks['public.parent']).toContain('ShareRowExclusiveLock');
  });

  it('VALIDATE CONSTRAINT holds SHARE UPDATE EXCLUSIVE on the table and ROW SHARE on the parent', async () => {
    const locks = await locksAfter(engine, 'ALTER TABLE child VALIDATE CONSTRAINT child_parent_fk');
    expect(locks['public.child']).toContain('ShareUpdateExclusiveLock');
    expect(locks['public.parent']).toContain('RowShareLock');
  });

  it('a write gives the transaction an xid; reading does not', async () => {
    const read = await engine.transaction(
      async (tx) => {
        await tx.query('SELECT * FROM child');
        return readOwnLocks(tx);
      },
      { rollback: true },
    );
    const written = await engine.transaction(
      async (tx) => {
        await tx.exec('UPDATE child SET a = 3');
        return readOwnLocks(tx);
      },
      { rollback: true },
    );
    expect([read.holdsXid, written.holdsXid]).toEqual([false, true]);
  });

  it('a dropped relation keeps its lock, by oid, without a name to look up', async () => {
    const { oid } = (
      await engine.query<{ oid: number }>(`SELECT 'child'::regclass::oid::int8::float8 AS oid`)
    ).rows[0] ?? {
      oid: 0,
    };
    const held = await engine.transaction(
      async (tx) => {
        await tx.exec('DROP TABLE child');
        return readOwnLocks(tx);
      },
      { rollback: true },
    );
    expect(held.locks).toContainEqual({
      locktype: 'relation',
      mode: 'AccessExclusiveLock',
      granted: true,
      oid,
    });
  });

  it('CREATE INDEX CONCURRENTLY refuses to run in a transaction block', async () => {
    await expect(locksAfter(engine, 'CREATE INDEX CONCURRENTLY ON child (a)')).rejects.toMatchObject({
      code: '25001',
    });
  });

  it('other lock types only when asked', async () => {
    const all = await engine.transaction(
      async (tx) => {
        await tx.exec('UPDATE child SET a = 4');
        return readOwnLocks(tx, { allLockTypes: true });
      },
      { rollback: true },
    );
    const types = new Set(all.locks.map((l) => l.locktype));
    expect(types).toContain('transactionid');
    expect(types).toContain('virtualxid');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('Engine', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec('CREATE TABLE t (id int8 PRIMARY KEY, note text)');
  });
  afterAll(() => engine.close());

  const count = async (db: Engine = engine): Promise<number> =>
    (await db.query<{ n: number }>('SELECT count(*) AS n FROM t')).rows[0]?.n ?? -1;

  it('reports a server version number of a supported major', () => {
    expect(engine.serverVersion).toBeGreaterThanOrEqual(130000);
  });

  it('runs parameterised queries and returns int8 as a number, numeric as a string', async () => {
    const { rows } = await engine.query<{ a: number; b: string; s: string }>(
      'SELECT $1::int8 + 1 AS a, 1.50::numeric AS b, $2::text AS s',
      [41, 'x'],
    );
    expect(rows).toEqual([{ a: 42, b: '1.50', s: 'x' }]);
  });

  it('resetSession undoes what a file set, as a new session would start', async () => {
    const searchPath = async () =>
      (await engine.query<{ v: string }>(`SELECT current_setting('search_path') AS v`)).rows[0]?.v;
    const before = await searchPath();
    await engine.exec("SET search_path = ''");
    expect(await searchPath()).toBe('""');
    await engine.resetSession();
    expect(await searchPath()).toBe(before);
  });

  it('exec runs a multi-statement script', async () => {
    await engine.exec(`INSERT INTO t VALUES (1, 'a'); INSERT INTO t VALUES (2, 'b');`);
    expect(await count()).toBe(2);
    await engine.exec('DELETE FROM t');
  });

  it('commits a transaction and returns its result', async () => {
    const result = await engine.transaction(async (tx) => {
      await tx.exec(`INSERT INTO t VALUES (10, 'committed')`);
      return count(tx);
    });
    expect(result).toBe(1);
    expect(await count()).toBe(1);
    await engine.exec('DELETE FROM t');
  });

  it('rolls back a transaction opened with rollback: true', async () => {
    const inside = await engine.transaction(
      async (tx) => {
        await tx.exec(`INSERT INTO t VALUES (20, 'gone')`);
        return count(tx);
      },
      { rollback: true },
    );
    expect(inside).toBe(1);
    expect(await count()).toBe(0);
  });

  it('rolls back when the transaction body throws, and rethrows its error', async () => {
    await expect(
      engine.transaction(async (tx) => {
        await tx.exec(`INSERT INTO t VALUES (30, 'gone')`);
        await tx.query('SELECT 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await count()).toBe(0);
    // the session is usable again afterwards
    expect((await engine.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('nests transactions as savepoints: an inner rollback keeps the outer work', async () => {
    await engine.transaction(async (outer) => {
      await outer.exec(`INSERT INTO t VALUES (40, 'outer')`);
      await outer.transaction(
        async (inner) => {
          await inner.exec(`INSERT INTO t VALUES (41, 'inner')`);
          expect(await count(inner)).toBe(2);
          await inner.transaction(async (deepest) => deepest.exec(`INSERT INTO t VALUES (42, 'deepest')`));
          expect(await count(inner)).toBe(3);
        },
        { rollback: true },
      );
      await expect(
        outer.transaction(async (inner) => {
          await inner.exec(`INSERT INTO t VALUES (43, 'failing')`);
          await inner.exec(`INSERT INTO t VALUES (40, 'duplicate')`);
        }),
      ).rejects.toThrow(/duplicate key/);
      await outer.transaction(async (inner) => inner.exec(`INSERT INTO t VALUES (44, 'kept')`));
    });
    const { rows } = await engine.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([40, 44]);
    await engine.exec('DELETE FROM t');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openServer } from '../../src/engine/server.js';
import { openServerTestDatabase, testServerUrl } from '../support/engines.js';

const serverUrl = testServerUrl();

const show = async (engine: Engine, setting: string): Promise<string> =>
  (await engine.query<{ v: string }>(`SELECT current_setting($1) AS v`, [setting])).rows[0]?.v ?? '';

describe.runIf(serverUrl)('openServer session', () => {
  let db: Engine;
  let url: string;
  beforeAll(async () => {
    db = await openServerTestDatabase();
    const name = (await db.query<{ d: string }>('SELECT current_database() AS d')).rows[0]?.d ?? '';
    url = urlForDatabase(serverUrl ?? '', name);
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
  });
  afterAll(() => db.close());

  it('identifies itself and guards every session with timeouts by default', async () => {
    const engine = await openServer(url);
    try {
      expect(engine.kind).toBe('server');
      expect(await show(engine, 'application_name')).toBe('pgvigil');
      expect(await show(engine, 'statement_timeout')).toBe('30s');
      expect(await show(engine, 'lock_timeout')).toBe('3s');
      expect(await show(engine, 'idle_in_transaction_session_timeout')).toBe('1min');
      expect(await show(engine, 'default_transaction_read_only')).toBe('off');
      const activity = await engine.query<{ n: number }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE pid = pg_backend_pid() AND application_name = 'pgvigil'`,
      );
      expect(activity.rows[0]?.n).toBe(1);
    } finally {
      await engine.close();
    }
  });

  it('keeps its guards when a session is reset after a file changed settings', async () => {
    const engine = await openServer(url, { readOnly: true });
    try {
      await engine.exec("SET search_path = ''; SET lock_timeout = '1h'; SET application_name = 'psql'");
      await engine.resetSession();
      expect(await show(engine, 'search_path')).toBe('"$user", public');
      expect(await show(engine, 'lock_timeout')).toBe('3s');
      expect(await show(engine, 'application_name')).toBe('pgvigil');
      expect(await show(engine, 'transaction_read_only')).toBe('on');
    } finally {
      await engine.close();
    }
  });

  it('overrides application_name given in the URL', async () => {
    const engine = await openServer(`${url}?application_name=other`);
    try {
      expect(await show(engine, 'application_name')).toBe('pgvigil');
    } finally {
      await engine.close();
    }
  });

  it('cancels a statement that runs longer than statementTimeoutMs', async () => {
    const engine = await openServer(url, { statementTimeoutMs: 150 });
    try {
      await expect(engine.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await engine.close();
    }
  });

  it('gives up on a lock held by someone else after lockTimeoutMs', async () => {
    const engine = await openServer(url, { lockTimeoutMs: 150 });
    try {
      await db.transaction(
        async (holder) => {
          await holder.exec('LOCK TABLE t IN ACCESS EXCLUSIVE MODE');
          await expect(engine.query('SELECT * FROM t')).rejects.toThrow(/lock timeout/);
        },
        { rollback: true },
      );
    } finally {
      await engine.close();
    }
  });

  it('refuses writes when read-only, inside and outside explicit transactions', async () => {
    const engine = await openServer(url, { readOnly: true });
    try {
      expect(await show(engine, 'transaction_read_only')).toBe('on');
      await expect(engine.exec('INSERT INTO t VALUES (1)')).rejects.toThrow(/read-only transaction/);
      await expect(engine.transaction((tx) => tx.exec('CREATE TABLE u (id int)'))).rejects.toThrow(
        /read-only transaction/,
      );
      expect((await engine.query<{ n: number }>('SELECT count(*) AS n FROM t')).rows).toEqual([{ n: 0 }]);
    } finally {
      await engine.close();
    }
  });

  it('keeps top-level queries out of a transaction that is in flight on the same session', async () => {
    const engine = await openServer(url);
    try {
      const tx = engine.transaction(
        async (inner) => {
          await inner.exec('INSERT INTO t VALUES (7)');
          await new Promise((resolve) => setTimeout(resolve, 100));
        },
        { rollback: true },
      );
      const outside = engine.query<{ n: number }>('SELECT count(*) AS n FROM t');
      await tx;
      expect((await outside).rows).toEqual([{ n: 0 }]);
    } finally {
      await engine.close();
    }
  });
});

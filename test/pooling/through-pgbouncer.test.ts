import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { startPgBouncer, type TestPgBouncer } from './support/pgbouncer.js';
import { connect, failure, flaggedBy, value } from './support/pooled-clients.js';

/**
 * What pgvigil flags really breaks through a real PgBouncer in transaction mode, and what it calls
 * safe really works. PgBouncer hands idle server connections out last-in first-out, so when client
 * B opens a transaction right after client A's autocommit statement, B holds A's server connection
 * and A's next statement runs on another one: the interleaving every busy application produces.
 */
const serverUrl = testServerUrl() ?? '';
let bouncer: TestPgBouncer;
let database: string;
let open: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = await connect(bouncer.urlFor(database));
  open.push(c);
  return c;
}

beforeAll(async () => {
  database = uniqueName('pgvigil_pooling');
  const admin = await connect(serverUrl);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  bouncer = await startPgBouncer(serverUrl);
});

afterEach(async () => {
  await Promise.all(open.map((c) => c.end().catch(() => undefined)));
  open = [];
});

afterAll(async () => {
  await bouncer?.stop();
  const admin = await connect(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe('through PgBouncer in transaction mode', () => {
  it('a session SET is lost for the next transaction and handed to another client (ban-session-set)', async () => {
    const set = "SET pgvigil.mode = 'from-a'";
    expect(await flaggedBy(set)).toEqual(['ban-session-set']);
    const a = await client();
    const b = await client();
    await a.query(set);
    await b.query('BEGIN');
    const seenByA = await value(a, "SELECT current_setting('pgvigil.mode', true)");
    const seenByB = await value(b, "SELECT current_setting('pgvigil.mode', true)");
    await b.query('COMMIT');
    expect(seenByA ?? '').toBe('');
    expect(seenByB).toBe('from-a');
  });

  it('set_config(..., false) is flagged like SET; SET LOCAL works and stays in its transaction', async () => {
    expect(await flaggedBy("SELECT set_config('pgvigil.mode', 'x', false)")).toEqual(['ban-session-set']);
    const local = "SET LOCAL pgvigil.mode = 'local'";
    expect(await flaggedBy(`BEGIN; ${local}; SELECT set_config('pgvigil.mode', 'y', true); COMMIT`)).toEqual(
      [],
    );
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query(local);
    expect(await value(a, "SELECT current_setting('pgvigil.mode', true)")).toBe('local');
    await a.query('COMMIT');
    expect(await value(b, "SELECT current_setting('pgvigil.mode', true)")).not.toBe('local');
  });

  it('a session advisory lock is owned by the server connection, not the client (ban-session-advisory-lock)', async () => {
    expect(await flaggedBy('SELECT pg_advisory_lock(4201)')).toEqual(['ban-session-advisory-lock']);
    const a = await client();
    const b = await client();
    await a.query('SELECT pg_advisory_lock(4201)');
    await b.query('BEGIN');
    // B "acquires" the lock A holds: it runs on A's server connection, which owns it.
    expect(await value(b, 'SELECT pg_try_advisory_lock(4201)')).toBe(true);
    // A cannot release it: its unlock runs on another connection.
    expect(await value(a, 'SELECT pg_advisory_unlock(4201)')).toBe(false);
    await b.query('COMMIT');
  });

  it('pg_advisory_xact_lock excludes other clients and is released at commit (not flagged)', async () => {
    const lock = 'SELECT pg_try_advisory_xact_lock(4202)';
    expect(await flaggedBy(`BEGIN; SELECT pg_advisory_xact_lock(4202); COMMIT`)).toEqual([]);
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query('SELECT pg_advisory_xact_lock(4202)');
    await b.query('BEGIN');
    expect(await value(b, lock)).toBe(false);
    await b.query('ROLLBACK');
    await a.query('COMMIT');
    await b.query('BEGIN');
    expect(await value(b, lock)).toBe(true);
    await b.query('COMMIT');
  });

  it('LISTEN hears nothing through the pooler; NOTIFY through it reaches a direct listener (ban-listen)', async () => {
    expect(await flaggedBy('LISTEN pgvigil_events')).toEqual(['ban-listen']);
    expect(await flaggedBy("NOTIFY pgvigil_events, 'x'; SELECT pg_notify('pgvigil_events', 'y')")).toEqual(
      [],
    );
    const listener = await client();
    const sender = await client();
    const direct = await connect(urlForDatabase(serverUrl, database));
    open.push(direct);
    const pooledHeard: string[] = [];
    const directHeard: string[] = [];
    listener.on('notification', (n) => pooledHeard.push(n.payload ?? ''));
    direct.on('notification', (n) => directHeard.push(n.payload ?? ''));
    await listener.query('LISTEN pgvigil_events');
    await direct.query('LISTEN pgvigil_events');
    await sender.query("NOTIFY pgvigil_events, 'hello'");
    await listener.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(directHeard).toEqual(['hello']);
    expect(pooledHeard).toEqual([]);
  });

  it('SQL PREPARE, then EXECUTE in another transaction, fails (ban-sql-prepare)', async () => {
    expect(await flaggedBy('PREPARE q1 AS SELECT 1; EXECUTE q1')).toEqual([
      'ban-sql-prepare',
      'ban-sql-prepare',
    ]);
    const a = await client();
    const b = await client();
    await a.query('PREPARE q1 AS SELECT 1');
    await b.query('BEGIN');
    expect(await failure(a, 'EXECUTE q1')).toMatch(/prepared statement "q1" does not exist/);
    await b.query('COMMIT');
  });

  it('a named node-postgres statement fails on the next server connection (ban-named-prepared-statement)', async () => {
    const a = await client();
    const b = await client();
    const named = { name: 'pgvigil_named', text: 'SELECT 1 AS one' };
    expect(await failure(a, named)).toBe('ok');
    await b.query('BEGIN');
    expect(await failure(a, named)).toMatch(/prepared statement "pgvigil_named" does not exist/);
    await b.query('COMMIT');
  });

  it('a temporary table outlives its transaction on a connection the client loses (require-temp-table-on-commit-drop)', async () => {
    expect(await flaggedBy('CREATE TEMP TABLE scratch_a (x int)')).toEqual([
      'require-temp-table-on-commit-drop',
    ]);
    const a = await client();
    const b = await client();
    await a.query('CREATE TEMP TABLE scratch_a (x int)');
    await b.query('BEGIN');
    expect(await failure(a, 'SELECT * FROM scratch_a')).toMatch(/relation "scratch_a" does not exist/);
    expect(await failure(b, 'SELECT * FROM scratch_a')).toBe('ok');
    await b.query('COMMIT');
  });

  it('ON COMMIT DROP keeps the temporary table inside its transaction (not flagged)', async () => {
    const create = 'CREATE TEMP TABLE scratch_b (x int) ON COMMIT DROP';
    expect(await flaggedBy(create)).toEqual([]);
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query(create);
    await a.query('INSERT INTO scratch_b VALUES (1), (2)');
    expect(Number(await value(a, 'SELECT count(*) FROM scratch_b'))).toBe(2);
    await a.query('COMMIT');
    expect(await failure(b, 'SELECT * FROM scratch_b')).toMatch(/does not exist/);
  });

  it('a WITH HOLD cursor is gone when the next FETCH runs elsewhere (ban-cursor-with-hold)', async () => {
    const declare = 'DECLARE held CURSOR WITH HOLD FOR SELECT generate_series(1, 3)';
    expect(await flaggedBy(declare)).toEqual(['ban-cursor-with-hold']);
    expect(await flaggedBy('BEGIN; DECLARE plain CURSOR FOR SELECT 1; FETCH plain; COMMIT')).toEqual([]);
    const a = await client();
    const b = await client();
    await a.query(declare);
    await b.query('BEGIN');
    expect(await failure(a, 'FETCH held')).toMatch(/cursor "held" does not exist/);
    await b.query('COMMIT');
  });
});

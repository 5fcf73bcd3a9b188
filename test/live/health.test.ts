import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type HealthResult, runHealth } from '../../src/live/index.js';
import { createLiveDatabase, flushStats, type LiveDatabase, settingsWith, waitFor } from './live-database.js';

const INT_MAX = 2_147_483_647;

function findings(result: HealthResult, rule: string): readonly Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

// Small tables stand in for large ones: thresholds lowered the way a config file lowers them.
const SMALL_SCALE = settingsWith({
  'ban-table-bloat': { minBloatBytes: 0 },
  'prefer-index-scan': { minRows: 1000, minSeqScans: 5 },
});

describe('pgvigil health on planted problems', () => {
  let db: LiveDatabase;
  let result: HealthResult;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const c = await db.client();
    await c.query(`
      CREATE TABLE readings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sensor int NOT NULL, value int NOT NULL);
      INSERT INTO readings (sensor, value) SELECT i % 100, i FROM generate_series(1, 60000) i;
      CREATE INDEX readings_value_idx ON readings (value);
      CREATE INDEX readings_sensor_idx ON readings (sensor);
      CREATE UNIQUE INDEX readings_sensor_value_key ON readings (sensor, value);

      CREATE TABLE tickets (id serial PRIMARY KEY, title text NOT NULL);
      CREATE TABLE quiet (id serial PRIMARY KEY);
      INSERT INTO quiet DEFAULT VALUES;

      CREATE TABLE authors (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
      CREATE TABLE books (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        author_id bigint NOT NULL REFERENCES authors);
      CREATE TABLE reviews (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        book_id bigint NOT NULL REFERENCES books);
      CREATE INDEX reviews_book_id_idx ON reviews (book_id);

      CREATE TABLE emails (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, address text NOT NULL);
      INSERT INTO emails (address) VALUES ('a@example.com'), ('a@example.com');

      CREATE TABLE churn (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL)
        WITH (autovacuum_enabled = off);
      INSERT INTO churn (payload) SELECT md5(i::text) FROM generate_series(1, 50000) i;
      DELETE FROM churn WHERE id % 5 <> 0;
      ANALYZE readings, churn;
    `);
    await c.query(`SELECT setval('tickets_id_seq', ${Math.ceil(INT_MAX * 0.9)})`);
    await c.query(`SELECT setval('quiet_id_seq', 1000)`);
    // A failed CREATE UNIQUE INDEX CONCURRENTLY leaves an invalid index behind.
    await expect(
      c.query('CREATE UNIQUE INDEX CONCURRENTLY emails_address_key ON emails (address)'),
    ).rejects.toThrow(/could not create unique index/);
    // readings_sensor_idx serves queries; readings_value_idx never does.
    await c.query('SET enable_seqscan = off');
    for (let i = 0; i < 3; i++) await c.query('SELECT count(*) FROM readings WHERE sensor = $1', [i]);
    await c.query('RESET enable_seqscan');
    for (let i = 0; i < 10; i++)
      await c.query('SELECT count(*) FROM churn WHERE payload LIKE $1', [`%${i}%`]);
    await flushStats(c);
    result = await runHealth([db.url], { settings: SMALL_SCALE });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('reports the index nothing scans, with its size and the age of the statistics', () => {
    const unused = findings(result, 'ban-unused-index');
    expect(unused.map((d) => d.data?.index)).toEqual(['public.readings_value_idx']);
    expect(unused[0]?.message).toMatch(/never reset|reset .* ago/);
    expect(unused[0]?.data?.sizeBytes).toBeGreaterThan(1_000_000);
    expect(unused[0]?.suggestedSql).toBe('DROP INDEX CONCURRENTLY public.readings_value_idx;');
  });

  it('exempts the primary key, unique and foreign-key-covering indexes, and the scanned one', () => {
    const reported = findings(result, 'ban-unused-index').map((d) => d.data?.index);
    for (const exempt of [
      'public.readings_pkey',
      'public.readings_sensor_value_key',
      'public.reviews_book_id_idx',
      'public.readings_sensor_idx',
    ])
      expect(reported).not.toContain(exempt);
  });

  it('reports the integer sequence at 90 % as an error and leaves the one at 0.00005 % alone', () => {
    const sequences = findings(result, 'ban-sequence-exhaustion');
    expect(sequences.map((d) => [d.data?.sequence, d.severity])).toEqual([
      ['public.tickets_id_seq', 'error'],
    ]);
    expect(sequences[0]?.data?.percentUsed).toBe(90);
    expect(sequences[0]?.message).toContain('2,147,483,647');
  });

  it('runs the schema rules on the live catalog: the unindexed foreign key and the invalid index', () => {
    const fk = findings(result, 'require-fk-index');
    expect(fk.map((d) => d.data?.constraint ?? d.message)).toHaveLength(1);
    expect(fk[0]?.message).toContain('books');
    expect(fk[0]?.file).toBe(result.servers[0]?.target);
    const invalid = findings(result, 'ban-invalid-index');
    expect(invalid.map((d) => d.data?.index)).toEqual(['public.emails_address_key']);
    expect(invalid[0]?.help).toContain('duplicate rows');
  });

  it('estimates the bloat of the table whose rows were deleted, and only that one, and says it is an estimate', () => {
    const bloat = findings(result, 'ban-table-bloat');
    expect(bloat.map((d) => d.data?.relation)).toEqual(['public.churn']);
    expect(bloat[0]?.message).toContain('estimated');
    expect(bloat[0]?.why).toMatch(/estimate/);
  });

  it('reports the dead rows autovacuum left behind', () => {
    const lag = findings(result, 'ban-autovacuum-lag');
    expect(lag.map((d) => d.data?.table)).toEqual(['public.churn']);
    expect(lag[0]?.data?.deadRows).toBe(40_000);
    expect(lag[0]?.message).toContain('never vacuumed');
  });

  it('hands the table read by sequential scans to the advisor', () => {
    const scans = findings(result, 'prefer-index-scan');
    expect(scans.map((d) => d.data?.table)).toEqual(['public.churn']);
    expect(scans[0]?.help).toContain('pgvigil advise --db');
  });

  it('reads everything as a superuser: the result is complete and nothing is reported as skipped', () => {
    expect(result.partial).toBe(false);
    expect(findings(result, 'require-monitoring-grant')).toEqual([]);
    expect(result.servers.map((s) => s.database)).toEqual([db.name]);
  });
});

describe('pgvigil health on sessions', () => {
  let db: LiveDatabase;
  let holder: pg.Client;
  let waiter: pg.Client;
  let waiting: Promise<unknown>;
  let holderPid: number;
  let waiterPid: number;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const setup = await db.client();
    await setup.query(`CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);
      INSERT INTO accounts VALUES (1, 100), (2, 200);`);
    holder = await db.client();
    waiter = await db.client();
    const pidOf = async (c: pg.Client) =>
      (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    holderPid = await pidOf(holder);
    waiterPid = await pidOf(waiter);
    await holder.query('BEGIN');
    await holder.query('UPDATE accounts SET balance = balance + 1 WHERE id = 1');
    waiting = waiter.query('UPDATE accounts SET balance = balance - 1 WHERE id = 1');
    await waitFor(async () => {
      const { rows } = await setup.query(
        `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
      );
      return rows.length > 0;
    });
  });

  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await waiting?.catch(() => undefined);
    await db?.drop();
  });

  const NOW = settingsWith({
    'ban-idle-in-transaction': { minIdleSeconds: 0 },
    'ban-blocked-query': { minWaitSeconds: 0 },
  });

  it('names the blocked query and the lock chain: the waiting pid, then the pid holding the lock', async () => {
    const result = await runHealth([db.url], { settings: NOW });
    const blocked = findings(result, 'ban-blocked-query');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.data?.chain).toEqual([waiterPid, holderPid]);
    expect(blocked[0]?.why).toContain(`pid ${waiterPid}`);
    expect(blocked[0]?.why).toContain(`waits for pid ${holderPid}`);
    expect(blocked[0]?.suggestedSql).toBe(`SELECT pg_terminate_backend(${holderPid});`);
  });

  it('reports the session idle in its transaction, and not the one that is waiting', async () => {
    const result = await runHealth([db.url], { settings: NOW });
    const idle = findings(result, 'ban-idle-in-transaction');
    expect(idle.map((d) => d.data?.pid)).toEqual([holderPid]);
    expect(idle[0]?.message).toContain('UPDATE accounts SET balance = balance + 1');
  });

  it('with the default thresholds a fresh wait and idle are not reported yet', async () => {
    const result = await runHealth([db.url]);
    expect(findings(result, 'ban-idle-in-transaction')).toEqual([]);
    expect(findings(result, 'ban-blocked-query')).toEqual([]);
  });
});

describe('pgvigil health on a healthy database', () => {
  let db: LiveDatabase;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const c = await db.client();
    await c.query(`
      CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
      CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers, placed_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX orders_customer_id_idx ON orders (customer_id);
      INSERT INTO customers (email) SELECT 'c' || i || '@example.com' FROM generate_series(1, 20000) i;
      INSERT INTO orders (customer_id) SELECT 1 + i % 20000 FROM generate_series(1, 40000) i;
      ANALYZE;
    `);
    await flushStats(c);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('finds nothing, and says so', async () => {
    const result = await runHealth([db.url]);
    expect(result.diagnostics).toEqual([]);
    expect(result.partial).toBe(false);
  });
});

async function waitUntilWaiting(db: LiveDatabase, pid: number | undefined): Promise<void> {
  const watcher = await db.client();
  await waitFor(async () => {
    const { rows } = await watcher.query(
      `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
      [pid],
    );
    return rows.length > 0;
  });
}

async function pidOf(client: pg.Client): Promise<number> {
  return (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

describe('pgvigil health while locks queue up', () => {
  let db: LiveDatabase;
  let holder: pg.Client;
  const pids: Record<string, number> = {};
  const pending: Promise<unknown>[] = [];

  beforeAll(async () => {
    db = await createLiveDatabase();
    const setup = await db.client();
    await setup.query(`CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);
      INSERT INTO accounts SELECT i, i FROM generate_series(1, 100) i;`);
    // A transaction reads and idles; a migration queues for ACCESS EXCLUSIVE behind it; a plain read
    // queues behind the migration: the classic outage.
    holder = await db.client();
    const migration = await db.client();
    const reader = await db.client();
    pids.holder = await pidOf(holder);
    pids.migration = await pidOf(migration);
    pids.reader = await pidOf(reader);
    await holder.query('BEGIN');
    await holder.query('SELECT count(*) FROM accounts');
    pending.push(migration.query('ALTER TABLE accounts ADD COLUMN note text'));
    await waitUntilWaiting(db, pids.migration);
    pending.push(reader.query('SELECT count(*) FROM accounts'));
    await waitUntilWaiting(db, pids.reader);
  });

  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await Promise.allSettled(pending);
    await db?.drop();
  });

  it('still reports, with the chain from the read to the migration to the idle transaction', async () => {
    const result = await runHealth([db.url], {
      settings: settingsWith({ 'ban-blocked-query': { minWaitSeconds: 0 } }),
    });
    const chains = findings(result, 'ban-blocked-query').map((d) => d.data?.chain);
    expect(chains).toContainEqual([pids.reader, pids.migration, pids.holder]);
    expect(chains).toContainEqual([pids.migration, pids.holder]);
    // Reading the indexes of the catalog queues behind the migration too: after lock_timeout health
    // leaves the schema rules out and says so, instead of joining the queue.
    expect(findings(result, 'require-monitoring-grant')[0]?.message).toContain(
      'waited longer than lock_timeout',
    );
  });
});

describe('pgvigil health when a lock keeps it from reading the catalog', () => {
  let db: LiveDatabase;
  let dropper: pg.Client;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const setup = await db.client();
    await setup.query(`CREATE TABLE parents (id bigint PRIMARY KEY);
      CREATE TABLE children (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents);
      CREATE INDEX children_parent_id_idx ON children (parent_id);`);
    // An open transaction that dropped an index holds ACCESS EXCLUSIVE on it: reading its size waits.
    dropper = await db.client();
    await dropper.query('BEGIN');
    await dropper.query('DROP INDEX children_parent_id_idx');
  });

  afterAll(async () => {
    await dropper?.query('ROLLBACK').catch(() => undefined);
    await db?.drop();
  });

  it('gives up on the schema rules after lock_timeout, goes on with the rest and says what it skipped', async () => {
    const result = await runHealth([db.url], {
      settings: settingsWith({ 'ban-idle-in-transaction': { minIdleSeconds: 0 } }),
    });
    expect(findings(result, 'ban-idle-in-transaction')).toHaveLength(1);
    expect(findings(result, 'require-fk-index')).toEqual([]);
    expect(result.partial).toBe(true);
    expect(findings(result, 'require-monitoring-grant')[0]?.message).toContain(
      'waited longer than lock_timeout',
    );
  });
});

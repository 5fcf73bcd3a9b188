import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HealthResult, runHealth } from '../../src/live/index.js';
import {
  createLiveDatabase,
  findings,
  flushStats,
  type LiveDatabase,
  settingsWith,
} from './live-database.js';

const INT_MAX = 2_147_483_647;

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

  it('ranks what pages first first: errors, then warnings, then information', () => {
    const order = { error: 0, warning: 1, info: 2 } as const;
    const ranks = result.diagnostics.map((d) => order[d.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(result.diagnostics[0]?.severity).toBe('error');
  });

  it('reads everything as a superuser: the result is complete and nothing is reported as skipped', () => {
    expect(result.partial).toBe(false);
    expect(findings(result, 'require-monitoring-grant')).toEqual([]);
    expect(result.servers.map((s) => s.database)).toEqual([db.name]);
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

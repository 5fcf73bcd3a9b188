import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHealth } from '../../src/live/index.js';
import { createLiveDatabase, findings, type LiveDatabase, settingsWith, waitFor } from './live-database.js';

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

  it('counts the connections by state, with the one waiting for a lock', async () => {
    const result = await runHealth([db.url], { settings: NOW });
    const connections = result.servers[0]?.connections;
    expect(connections?.byState['idle in transaction']).toBeGreaterThanOrEqual(1);
    expect(connections?.waiting).toBeGreaterThanOrEqual(1);
    expect(connections?.used).toBeGreaterThanOrEqual(3);
    expect(connections?.usable).toBeGreaterThan(connections?.used ?? Number.POSITIVE_INFINITY);
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

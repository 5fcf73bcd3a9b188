import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import { type HealthResult, runHealth } from '../../src/live/index.js';
import { uniqueName } from '../support/engines.js';
import {
  adminQuery,
  adminUrl,
  createLiveDatabase,
  type LiveDatabase,
  settingsWith,
} from './live-database.js';

const PASSWORD = 'Monitor-pw-7731';

/** The URL of the database for another role (TCP logins other than the superuser's need a password). */
function urlAs(role: string, database: string): string {
  return urlForDatabase(adminUrl(), database).replace(
    /^postgres:\/\/[^@]*@/,
    `postgres://${role}:${PASSWORD}@`,
  );
}

const NOW = settingsWith({ 'ban-idle-in-transaction': { minIdleSeconds: 0 } });

function rules(result: HealthResult): string[] {
  return result.diagnostics.map((d) => d.rule);
}

describe('pgvigil health as a role that is not a superuser', () => {
  let db: LiveDatabase;
  const monitor = uniqueName('pgvigil_monitor');
  const plain = uniqueName('pgvigil_plain');

  beforeAll(async () => {
    db = await createLiveDatabase();
    await adminQuery(`CREATE ROLE ${monitor} LOGIN PASSWORD '${PASSWORD}' IN ROLE pg_monitor;
      CREATE ROLE ${plain} LOGIN PASSWORD '${PASSWORD}';`);
    const c = await db.client();
    await c.query(`
      CREATE TABLE tickets (id serial PRIMARY KEY, note text);
      CREATE TABLE comments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ticket_id int NOT NULL REFERENCES tickets);
      INSERT INTO tickets (note) SELECT md5(i::text) FROM generate_series(1, 1000) i;
      ANALYZE;
    `);
    await c.query(`SELECT setval('tickets_id_seq', 1932735283)`);
    const idle = await db.client();
    await idle.query('BEGIN');
    await idle.query('SELECT count(*) FROM tickets');
  });

  afterAll(async () => {
    await db?.drop();
    await adminQuery(`DROP ROLE IF EXISTS ${monitor}; DROP ROLE IF EXISTS ${plain};`);
  });

  it('with pg_monitor: sessions, schema rules and what it may not read, named with the grant that helps', async () => {
    const result = await runHealth([urlAs(monitor, db.name)], { settings: NOW });
    expect(rules(result)).toContain('require-fk-index');
    expect(rules(result)).toContain('ban-idle-in-transaction');
    // pg_monitor may not read a sequence's last value: not judged, and said so.
    expect(rules(result)).not.toContain('ban-sequence-exhaustion');
    expect(result.partial).toBe(true);
    const grant = result.diagnostics.filter((d) => d.rule === 'require-monitoring-grant');
    expect(grant).toHaveLength(1);
    expect(grant[0]?.severity).toBe('info');
    expect(grant[0]?.message).toContain('public.tickets_id_seq');
    expect(grant[0]?.message).toMatch(/bloat estimates of \d+ table/);
    expect(grant[0]?.help).toContain('pg_read_all_data');
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('without pg_monitor: other roles’ sessions are hidden, so it says pg_read_all_stats would show them', async () => {
    const result = await runHealth([urlAs(plain, db.name)], { settings: NOW });
    expect(rules(result)).toContain('require-fk-index');
    expect(rules(result)).not.toContain('ban-idle-in-transaction');
    const grant = result.diagnostics.find((d) => d.rule === 'require-monitoring-grant');
    expect(grant?.message).toContain('session(s) of other roles');
    expect(grant?.help).toContain('pg_read_all_stats');
  });
});

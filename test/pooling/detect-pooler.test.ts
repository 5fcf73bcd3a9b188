import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import { readPgBouncerConsole } from '../../src/pooling/pgbouncer-console.js';
import { probePooler } from '../../src/pooling/probe-pooler.js';
import { runPooling } from '../../src/pooling/run-pooling.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { POOLED_PASSWORD, startPgBouncer, type TestPgBouncer } from './support/pgbouncer.js';
import { connect, value } from './support/pooled-clients.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const serverUrl = testServerUrl() ?? '';
let bouncer: TestPgBouncer;
let database: string;
let pooledUrl: string;
let directUrl: string;

beforeAll(async () => {
  database = uniqueName('pgvigil_pooling');
  const admin = await connect(serverUrl);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  bouncer = await startPgBouncer(serverUrl);
  pooledUrl = bouncer.urlFor(database);
  directUrl = urlForDatabase(serverUrl, database);
});

afterAll(async () => {
  await bouncer?.stop();
  const admin = await connect(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe('detecting the pooler', () => {
  it('proves transaction pooling through PgBouncer by two clients sharing a backend', async () => {
    const detection = await probePooler(pooledUrl);
    expect(detection).toMatchObject({ mode: 'transaction', confidence: 'certain' });
    expect(detection.evidence[0]?.says).toMatch(/same backend/);
  });

  it('sees no transaction pooling on a direct connection', async () => {
    const detection = await probePooler(directUrl);
    expect(detection.confidence).toBeUndefined();
    expect(detection.evidence[0]?.says).toMatch(/kept its own backend/);
  });

  it("reads PgBouncer's admin console: version, pool_mode per pool, pool size", async () => {
    const detection = await readPgBouncerConsole(bouncer.adminUrl);
    expect(detection).toMatchObject({ kind: 'PgBouncer', mode: 'transaction', confidence: 'certain' });
    expect(detection.settings).toMatchObject({ pool_mode: 'transaction', default_pool_size: '2' });
    expect(detection.evidence[0]?.says).toMatch(/^PgBouncer 1\.\d+/);
  });
});

describe('runPooling --db', () => {
  it('through PgBouncer: a session SET is a warning, pools are judged against max_connections, no password anywhere', async () => {
    const report = await runPooling({
      db: pooledUrl,
      sql: [`${FIXTURES}sql/session.sql`],
      app: `${FIXTURES}app`,
      instances: 10,
    });
    const detected = report.diagnostics.find((d) => d.rule === 'transaction-pooler');
    expect(detected?.message).toMatch(/pool mode transaction \(certain\)/);
    expect(report.diagnostics.find((d) => d.rule === 'ban-session-set')?.severity).toBe('warning');
    // 3 + 20 + 5 + 10 per instance × 10 instances > 200 − 3 reserved on the test cluster.
    expect(report.server).toMatchObject({ maxConnections: 200, reserved: 3, available: 197 });
    const sizing = report.diagnostics.find((d) => d.rule === 'require-pool-size-within-max-connections');
    expect(sizing).toBeUndefined(); // behind a transaction pooler the app pools count against the pooler
    expect(JSON.stringify(report)).not.toContain(POOLED_PASSWORD);
  });

  it('directly: the same SET is info, and the pools that overflow max_connections are an error', async () => {
    const report = await runPooling({
      db: directUrl,
      sql: [`${FIXTURES}sql/session.sql`],
      app: `${FIXTURES}app`,
      instances: 10,
    });
    expect(report.diagnostics.find((d) => d.rule === 'ban-session-set')?.severity).toBe('info');
    const sizing = report.diagnostics.find((d) => d.rule === 'require-pool-size-within-max-connections');
    expect(sizing?.data).toMatchObject({ perInstance: 38, instances: 10, total: 380, limit: 197 });
  });

  it('the recommendation counts a planted busy connection in the observed peak', async () => {
    const busy = await connect(directUrl);
    const running = busy.query('SELECT pg_sleep(3)');
    try {
      const report = await runPooling({ db: directUrl });
      const recommendation = report.diagnostics.find((d) => d.rule === 'pool-size-recommendation');
      expect(report.server?.peakActive).toBeGreaterThanOrEqual(1);
      expect(recommendation?.why).toMatch(/server cores unknown/);
      expect(recommendation?.data).toMatchObject({ coreRule: null });
    } finally {
      await running;
      await busy.end();
    }
  });

  it('leaves nothing behind on the pooled server connections (no session settings)', async () => {
    await runPooling({ db: pooledUrl });
    const app = await connect(pooledUrl);
    try {
      expect(await value(app, 'SHOW default_transaction_read_only')).toBe('off');
      expect(await value(app, 'SHOW application_name')).not.toBe('pgvigil');
    } finally {
      await app.end();
    }
  });

  it('pgvigil pooling on the CLI: text output, exit code, and a one-line error for a bad URL', async () => {
    const run = await cli('pooling', '--db', pooledUrl, `${FIXTURES}sql/session.sql`, '--fail-on', 'warning');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/transaction-pooler/);
    expect(run.stdout).toMatch(/ban-session-set/);
    expect(run.stdout).not.toContain(POOLED_PASSWORD);
    const bad = await cli('pooling', '--db', `postgres://postgres:${POOLED_PASSWORD}@127.0.0.1:1/x`);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toContain(POOLED_PASSWORD);
    const misplaced = await cli('lint', '--instances', '3', 'x.sql');
    expect(misplaced.stderr).toMatch(/--instances applies to pooling only/);
  });
});

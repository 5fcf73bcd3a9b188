import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';
import { createLiveDatabase, flushStats, type LiveDatabase } from './live-database.js';

describe('pgvigil health (CLI)', () => {
  let db: LiveDatabase;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const c = await db.client();
    await c.query(`
      CREATE TABLE authors (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, score int NOT NULL);
      INSERT INTO authors (score) SELECT i * 7 % 100003 FROM generate_series(1, 60000) i;
      CREATE INDEX authors_score_idx ON authors (score);
      CREATE TABLE books (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        author_id bigint NOT NULL REFERENCES authors);
      ANALYZE;
    `);
    await flushStats(c);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('prints JSON findings for the database: the unindexed foreign key and the unused index', async () => {
    const run = await cli('health', '--db', db.url, '--format', 'json', '--fail-on', 'warning');
    expect(run.stderr).toBe('');
    const diagnostics: Diagnostic[] = JSON.parse(run.stdout).diagnostics;
    expect(diagnostics.map((d) => d.rule).sort()).toEqual(['ban-unused-index', 'require-fk-index']);
    expect(diagnostics.find((d) => d.rule === 'ban-unused-index')?.data?.index).toBe(
      'public.authors_score_idx',
    );
    expect(run.code).toBe(1);
  });

  it('checks several URLs of one database together: one finding, the servers listed', async () => {
    const run = await cli('health', '--db', db.url, '--db', db.url, '--format', 'json');
    const unused = (JSON.parse(run.stdout).diagnostics as Diagnostic[]).filter(
      (d) => d.rule === 'ban-unused-index',
    );
    expect(unused).toHaveLength(1);
    expect(unused[0]?.data?.servers).toHaveLength(2);
    expect(unused[0]?.message).toContain(' on any of ');
  });

  it('says in text which server it checked, as what, and how old the statistics are', async () => {
    const run = await cli('health', '--db', db.url);
    expect(run.stdout).toMatch(
      /^checked 127\.0\.0\.1:\d+\/pgvigil_health_\w+ \(PostgreSQL 1\d, primary, statistics never reset\)/,
    );
    expect(run.stdout).toMatch(/\n {2}connections: \d+ of \d+ in use( \([^)]+\))?; \d+ waiting for a lock\n/);
    expect(run.stdout).toContain('require-fk-index');
  });

  it('reads the URLs from --db-file, skipping blank lines and comments', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/pgvigil-health-');
    const file = `${dir}/urls.txt`;
    await writeFile(file, `# production\n\n${db.url}\n`);
    const run = await cli('health', '--db-file', file, '--format', 'json');
    expect(
      (JSON.parse(run.stdout).diagnostics as Diagnostic[]).some((d) => d.rule === 'require-fk-index'),
    ).toBe(true);
  });

  it('a connection failure is one line without the password, exit code 2', async () => {
    const run = await cli('health', '--db', 'postgres://app:hunter2secret@127.0.0.1:1/app');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('cannot connect to 127.0.0.1:1');
    expect(run.stderr).not.toContain('hunter2secret');
  });

  it('a query stopped by the statement timeout is one line that says how to give it more time', async () => {
    const run = await cli('health', '--db', db.url, '--timeout', '1ms');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /pgvigil_health_\w+: a query ran longer than statement_timeout \(1 ms\).*--timeout/,
    );
  });

  it('usage mistakes are one line: no database, a missing URL file, --db twice elsewhere', async () => {
    const none = await cli('health');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('health needs a database');
    const missing = await cli('health', '--db-file', '/tmp/pgvigil-no-such-urls.txt');
    expect(missing.stderr).toContain('not found: /tmp/pgvigil-no-such-urls.txt');
    const twice = await cli('explain', 'SELECT 1', '--db', db.url, '--db', db.url);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--db is given 2 times; explain takes one.');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';
import {
  createTopDatabase,
  resetStatements,
  runNPlusOne,
  runSlowQuery,
  SCHEMA,
  type TopDatabase,
} from './support/top-database.js';

describe('pgvigil top --db (CLI)', () => {
  let t: TopDatabase;
  beforeAll(async () => {
    t = await createTopDatabase(
      `CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION hypopg; ${SCHEMA}`,
    );
    await resetStatements(t.db);
    await runSlowQuery(t.db);
    await runNPlusOne(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('--format json: the ranking, the plan finding, the advice and the N+1 as diagnostics; exit 0 (all info)', async () => {
    const run = await cli('top', '--db', t.url, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const rules = (rule: string) => diagnostics.filter((d) => d.rule === rule);
    const first = rules('top-query').find((d) => d.data?.rank === 1);
    expect(first?.data?.query).toBe('SELECT id, payload FROM events WHERE kind = $1');
    expect(rules('seq-scan-large-table').map((d) => d.data?.queryid)).toContain(first?.data?.queryid);
    expect(rules('index-advice')[0]?.suggestedSql).toMatch(
      /CREATE INDEX CONCURRENTLY .* ON public\.events .*\(kind\)/,
    );
    expect(rules('n-plus-one')).toEqual([
      expect.objectContaining({
        severity: 'info',
        data: expect.objectContaining({ source: 'pg_stat_statements' }),
      }),
    ]);
  }, 60_000);

  it('text: the ranking as a table before the findings', async () => {
    const run = await cli('top', '--db', t.url, '--limit', '3');
    expect(run.code).toBe(0);
    const table = run.stdout.split('\n').filter((line) => /^\d+ /.test(line));
    expect(table).toHaveLength(3);
    expect(table[0]).toMatch(/^1 .* SELECT id, payload FROM events WHERE kind = \$1$/);
  }, 60_000);

  it('--interval: only what ran between the two snapshots (here nothing of the workload)', async () => {
    const run = await cli('top', '--db', t.url, '--interval', '500ms', '--format', 'json');
    expect(run.code).toBe(0);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const queries = diagnostics.filter((d) => d.rule === 'top-query').map((d) => String(d.data?.query));
    expect(queries.filter((q) => /events|users|posts/.test(q))).toEqual([]);
  }, 60_000);

  it('refuses what it cannot do in one line, exit 2', async () => {
    expect(await cli('top')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^pgvigil: top reads a live server/),
    });
    const sort = await cli('top', '--db', t.url, '--sort', 'slowest');
    expect(sort).toMatchObject({
      code: 2,
      stderr: 'pgvigil: --sort slowest is not a ranking; use one of total, mean, calls, rows, reads.\n',
    });
    expect((await cli('explain', 'SELECT 1', '--limit', '3')).stderr).toMatch(/--limit applies to top only/);
  });
});

describe('pgvigil top on a database without pg_stat_statements', () => {
  let t: TopDatabase;
  beforeAll(async () => {
    t = await createTopDatabase('DROP EXTENSION IF EXISTS pg_stat_statements');
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('says how to enable it in one line, no stack trace, exit 2', async () => {
    const run = await cli('top', '--db', t.url);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^pgvigil: pg_stat_statements is loaded on the server but not created in this database: run CREATE EXTENSION pg_stat_statements;/,
      ),
    ]);
  });
});

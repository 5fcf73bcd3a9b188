import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdviseResult, runAdvise } from '../../src/advisor/run-advise.js';
import { renderIndexKey } from '../../src/catalog/index.js';
import { type CapturedLogs, LoggingCluster } from '../nplusone/support/logging-cluster.js';
import { cli } from '../support/run-cli.js';
import { blogWorkload } from './support/blog-workload.js';

const OPTIONS = { timeoutMs: 30_000, rowsPerTable: 1000, minSavedShare: 0.3, maxIndexes: 10 } as const;
const LATEST_COMMENTS =
  'SELECT id, body FROM comments WHERE author_id = $1 ORDER BY created_at DESC LIMIT 50';

/** What an application does: a bound query per author (extended protocol), a literal lookup per user. */
async function application(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query((await blogWorkload().then((w) => readFile(w.schema, 'utf8'))) as string);
    for (let author = 1; author <= 40; author++) await client.query(LATEST_COMMENTS, [author]);
    for (let user = 1; user <= 30; user++)
      await client.query(`SELECT id, email FROM users WHERE id = ${user}`);
  } finally {
    await client.end();
  }
}

let cluster: LoggingCluster;
let logs: CapturedLogs;
let workload: Awaited<ReturnType<typeof blogWorkload>>;

beforeAll(async () => {
  cluster = await LoggingCluster.start();
  logs = await cluster.capture('%m [%p] ', application);
  workload = await blogWorkload();
}, 120_000);

afterAll(() => cluster?.stop());

function fromLog(result: AdviseResult, text: string) {
  return result.queries.find((q) => q.statement.text.includes(text));
}

describe('advise --log: the workload a PostgreSQL 15 server logged', () => {
  for (const format of ['stderr', 'csvlog', 'jsonlog'] as const)
    it(`reads the ${format} log: executions grouped by statement, weighted by count × mean duration`, async () => {
      const result = await runAdvise({
        ...OPTIONS,
        log: logs[format],
        schemaFiles: [workload.schema, workload.data],
      });
      const comments = fromLog(result, 'FROM comments');
      const users = fromLog(result, 'FROM users');
      // 40 executions with 40 different bound values are one statement; so are 30 literal lookups.
      expect(comments?.label).toMatch(/ \(40 calls, \d+ ms\): SELECT id, body FROM comments/);
      expect(users?.label).toMatch(/ \(30 calls, \d+ ms\): SELECT id, email FROM users/);
      // The logged values are put in place of $1: planned as it ran, not generically.
      expect(comments?.statement.text).toMatch(/author_id = '\d+'/);
      expect(comments?.parameters).toBe(0);
      expect(comments && comments.weight > 0 && comments.weight !== 40).toBe(true);
      const advice = result.suggestions.find((s) => s.helped.some((g) => g.query === comments?.id));
      expect(advice?.trial.candidate.keys.map(renderIndexKey)).toEqual(['author_id', 'created_at DESC']);
      // The primary key already serves the lookups: nothing for them.
      expect(result.suggestions.some((s) => s.helped.some((g) => g.query === users?.id))).toBe(false);
      expect(result.notes.join('\n')).toContain(
        `(${format}), each weighted by its count × mean logged duration`,
      );
    }, 120_000);

  it('on the command line: the suggestion, and one-line errors for a missing log or two workloads', async () => {
    const run = await cli(
      'advise',
      '--log',
      logs.stderr,
      '--schema',
      workload.schema,
      '--schema',
      workload.data,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'CREATE INDEX CONCURRENTLY comments_author_id_created_at_idx ON public.comments USING btree (author_id, created_at DESC);',
    );
    expect(run.stdout).toMatch(/postgresql\.log:\d+ \(40 calls, \d+ ms\)/);
    const missing = await cli('advise', '--log', 'no/such.log', '--schema', workload.schema);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'pgvigil: no/such.log: no such file; give a PostgreSQL log (stderr, csvlog or jsonlog).\n',
    );
    const both = await cli('advise', `${workload.dir}/queries`, '--log', logs.stderr);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^pgvigil: advise takes one workload: .* or --log .*, not both\.\n$/);
    const elsewhere = await cli('check', '.', '--log', logs.stderr);
    expect(elsewhere.stderr).toBe(
      'pgvigil: --log applies to advise only, not to check (n1 takes logs as arguments).\n',
    );
  }, 180_000);
});

import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { analyzeEventSources } from '../../src/nplusone/analyze-logs.js';
import { logSource } from '../../src/nplusone/log-source.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import {
  batched,
  createBlog,
  identicalRepeats,
  literalLoop,
  nPlusOne,
  POSTS,
  pairLoop,
  withClient,
} from './support/blog-workload.js';
import { type CapturedLogs, LoggingCluster } from './support/logging-cluster.js';

const PREFIX = '%m [%p] ';
let cluster: LoggingCluster;
let logs: CapturedLogs;

const settings = (rules: Record<string, unknown> = {}) =>
  resolveRuleSettings({ rules } as Parameters<typeof resolveRuleSettings>[0], allRuleMetas);

async function findings(file: string, rules: Record<string, unknown> = {}): Promise<Diagnostic[]> {
  return analyzeEventSources([logSource(file)], settings(rules));
}

beforeAll(async () => {
  cluster = await LoggingCluster.start();
  await createBlog(cluster.url);
  logs = await cluster.capture(PREFIX, async (url) => {
    // Each shape in a session of its own, several at once so their lines interleave.
    await Promise.all([
      withClient(url, nPlusOne),
      withClient(url, batched),
      withClient(url, (c) => identicalRepeats(c, 6)),
      withClient(url, literalLoop),
    ]);
    await withClient(url, pairLoop);
    await withClient(url, async (client) => {
      await client.query('BEGIN');
      await nPlusOne(client);
      await client.query('COMMIT');
    });
    // Four lookups: below the default of five.
    await withClient(url, (c) => identicalRepeats(c, 4));
    // One pooled connection serving six requests, each one lookup, 150 ms apart: not a loop.
    await withClient(url, async (client) => {
      for (let id = 1; id <= 6; id++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await client.query(POOLED, [id]);
      }
    });
  });
}, 120_000);

afterAll(() => cluster?.stop());

const COMMENTS = 'SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at';
const POOLED = 'SELECT author_id FROM posts WHERE id = $1';

describe('n-plus-one and repeated-identical-query in a real server log', () => {
  it('finds each planted shape once, in every log format, and nothing in the batched session', async () => {
    for (const file of [logs.stderr, logs.csvlog, logs.jsonlog]) {
      const found = await findings(file);
      // The same loop in a session and in a transaction is one finding that happened twice.
      const summary = found.map(
        (d) =>
          `${d.rule} ${d.data?.count}x${d.data?.occurrences ?? 1} ${((d.data?.repeatedQueries ?? []) as string[]).join(' ; ').replace(/\s+/g, ' ')}`,
      );
      expect(summary.sort(), file).toEqual(
        [
          `n-plus-one ${POSTS}x2 ${COMMENTS}`,
          `n-plus-one ${POSTS}x1 SELECT count(*) FROM comments WHERE post_id = $1`,
          `n-plus-one ${POSTS}x1 ${COMMENTS} ; SELECT count(*) FROM posts WHERE author_id = $1 AND id <> $2`,
          'repeated-identical-query 6x1 SELECT title FROM posts WHERE id = $1',
        ].sort(),
      );
    }
  });

  it('says where, in which unit, what it cost, and after which query', async () => {
    const found = await findings(logs.stderr);
    const session = found.find(
      (d) => d.rule === 'n-plus-one' && d.data?.repeatedQueries?.toString() === COMMENTS,
    );
    const units = (session?.data?.units ?? []) as string[];
    expect(units).toHaveLength(2);
    expect(units.find((u) => !u.includes('transaction'))).toMatch(/^session \d+$/);
    expect(units.find((u) => u.includes('transaction'))).toMatch(/^session \d+, transaction 1$/);
    expect(session?.data?.unit).toBe(units[0]);
    expect(session?.data?.occurrences).toBe(2);
    expect(session?.data?.allExecutions).toBe(2 * POSTS);
    expect(session?.message).toContain('The same pattern happened 2 times in this file');
    expect(session?.severity).toBe('warning');
    expect(session?.data?.parentQuery).toBe(
      'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT $2',
    );
    expect(session?.data?.distinctParameters).toBe(POSTS);
    expect(session?.data?.totalMs).toBeGreaterThan(0);
    expect(session?.message).toContain(`ran ${POSTS} times in a row`);
    // The line is the first repeated execution's, in the file as written.
    const lines = readFileSync(logs.stderr, 'utf8').split('\n');
    const line = lines[(session?.line ?? 0) - 1] ?? '';
    const pid = /^session (\d+)/.exec(String(session?.data?.unit))?.[1];
    expect(line).toContain('execute <unnamed>: SELECT id, body FROM comments');
    // The first of the repeated executions: the one right after the parent's.
    const between = lines.slice(Number(session?.data?.parentLine), (session?.line ?? 0) - 1);
    expect(between.filter((l) => l.includes(`[${pid}]`) && l.includes('execute'))).toEqual([]);
    expect(Number(session?.data?.parentLine)).toBeLessThan(session?.line ?? 0);
  });

  it('writes the batch and the JOIN form from the real names, and both return what the loop read', async () => {
    const found = await findings(logs.stderr);
    const finding = found.find(
      (d) => d.rule === 'n-plus-one' && d.data?.repeatedQueries?.toString() === COMMENTS,
    );
    const sql = finding?.suggestedSql ?? '';
    expect(sql).toContain('WHERE post_id = ANY($1)');
    expect(sql).toContain("json_agg(json_build_object('id', c.id, 'body', c.body) ORDER BY c.created_at)");
    expect(sql).toContain("FILTER (WHERE c.post_id IS NOT NULL), '[]') AS comments");
    expect(finding?.help).toContain('Prefer the = ANY($1) batch when');
    const [batch = '', join = ''] = sql.split('\n\n-- or, in one round trip:\n');
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const posts = await client.query<{ id: string }>(
        'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20',
        [1],
      );
      const loop = new Map<string, string[]>();
      for (const post of posts.rows)
        loop.set(
          post.id,
          (await client.query<{ body: string }>(COMMENTS, [post.id])).rows.map((r) => r.body),
        );
      const batchRows = (
        await client.query<{ post_id: string; body: string }>(batch, [posts.rows.map((p) => p.id)])
      ).rows;
      for (const [id, bodies] of loop)
        expect(batchRows.filter((r) => r.post_id === id).map((r) => r.body)).toEqual(bodies);
      const joined = (await client.query<{ id: string; comments: { body: string }[] }>(join, [1])).rows;
      expect(new Map(joined.map((r) => [r.id, r.comments.map((c) => c.body)]))).toEqual(loop);
    } finally {
      await client.end();
    }
  });

  it('--min-repeats: four identical lookups are found at 4, not at the default 5', async () => {
    // The four lookups are the six's query again: at 4 they join its finding as a second occurrence.
    const executions = (list: Diagnostic[]) =>
      list
        .filter((d) => d.rule === 'repeated-identical-query')
        .map((d) => d.data?.allExecutions ?? d.data?.count);
    expect(executions(await findings(logs.stderr))).toEqual([6]);
    expect(
      executions(await findings(logs.stderr, { 'repeated-identical-query': { options: { minRepeats: 4 } } })),
    ).toEqual([10]);
  });
});

describe('the idle gap of a pooled connection', () => {
  it('ends the unit: lookups 150 ms apart are requests, not a loop, until the gap allowed is longer', async () => {
    const pooled = (list: Diagnostic[]) =>
      list.filter((d) => d.rule === 'n-plus-one' && d.data?.repeatedQueries?.toString() === POOLED);
    for (const file of [logs.stderr, logs.csvlog, logs.jsonlog]) {
      expect(pooled(await findings(file)), file).toEqual([]);
      const patient = await findings(file, { 'n-plus-one': { options: { idleGapMs: 5000 } } });
      expect(
        pooled(patient).map((d) => d.data?.count),
        file,
      ).toEqual([6]);
    }
  });
});

describe('pgvigil n1 on a server log', () => {
  it('reports in JSON with the rule, the place and the suggested SQL; --fail-on warning fails', async () => {
    const { code, stdout, stderr } = await cli('n1', logs.stderr, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const rules = report.diagnostics.map((d: Diagnostic) => d.rule).sort();
    expect(rules).toEqual(['n-plus-one', 'n-plus-one', 'n-plus-one', 'repeated-identical-query']);
    expect(report.diagnostics[0].file).toBe(logs.stderr);
    expect((await cli('n1', logs.stderr, '--fail-on', 'warning')).code).toBe(1);
  });

  it('--min-repeats lowers the bar for both rules; gzip logs read the same', async () => {
    const gz = `${logs.stderr}.gz`;
    await pipeline(createReadStream(logs.stderr), createGzip(), createWriteStream(gz));
    const run = async (...extra: string[]) =>
      JSON.parse((await cli('n1', ...extra, '--format', 'json')).stdout).diagnostics as Diagnostic[];
    expect(await run(gz)).toEqual((await run(logs.stderr)).map((d) => ({ ...d, file: gz })));
    const lowered = await run(logs.stderr, '--min-repeats', '4');
    expect(
      lowered
        .filter((d) => d.rule === 'repeated-identical-query')
        .map((d) => [d.data?.count, d.data?.occurrences]),
    ).toEqual([[6, 2]]);
  });

  it('text output names the unit and the fix', async () => {
    const { stdout } = await cli('n1', logs.stderr);
    expect(stdout).toContain('n-plus-one');
    expect(stdout).toContain('WHERE post_id = ANY($1)');
  });

  it('user mistakes are one line and exit code 2', async () => {
    const dir = await tempProject({ 'odd.log': 'hello\nworld\n', 'plan.json': '{"Plan": {}}' });
    for (const [argv, message] of [
      [['n1'], 'n1 needs a log, a trace or a source folder'],
      [['n1', 'nope.log'], 'not found: nope.log'],
      [
        ['n1', logs.stderr, '--min-repeats', '1'],
        '--min-repeats 1: give a whole number of executions, at least 2',
      ],
      [['check', '.', '--log-prefix', '%m '], '--log-prefix applies to n1 only'],
      [['n1', `${dir}/odd.log`], 'no line matches a common log_line_prefix; give yours with --log-prefix'],
    ] as const) {
      const { code, stderr } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('examples/blog, its app run against the server', () => {
  it('the slow function leaves exactly one N+1 in the log; the batched one leaves none', async () => {
    const blogUrl = cluster.url.replace(/\/postgres$/, '/blog');
    await withClient(cluster.url, async (client) => {
      await client.query('DROP DATABASE IF EXISTS blog');
      await client.query('CREATE DATABASE blog');
    });
    await withClient(blogUrl, async (client) => {
      await client.query(readFileSync('examples/blog/schema.sql', 'utf8'));
      await client.query(`
        INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada');
        INSERT INTO posts (author_id, title, body, created_at)
          SELECT 1, 'post ' || g, '', now() - g * interval '1 hour' FROM generate_series(1, 7) g;
        INSERT INTO comments (post_id, author_id, body, created_at)
          SELECT 1 + g % 7, 1, 'comment ' || g, now() - g * interval '1 minute' FROM generate_series(1, 30) g;`);
    });
    // The example's own code, on its own pool (db.ts reads DATABASE_URL when it loads).
    process.env.DATABASE_URL = blogUrl;
    const app = await import('../../examples/blog/app/src/posts.js');
    const { pool } = await import('../../examples/blog/app/src/db.js');
    let slow: unknown;
    let fast: unknown;
    const captured = await cluster.capture(PREFIX, async () => {
      slow = await app.latestPostsWithCommentsSlow('1');
      fast = await app.latestPostsWithComments('1');
    });
    await pool.end();
    // The same posts and comments (the batched rows also carry post_id, used to group them).
    const shape = (posts: unknown) =>
      (posts as { id: string; comments: { id: string; body: string }[] }[]).map((p) => ({
        id: p.id,
        comments: p.comments.map((c) => [c.id, c.body]),
      }));
    expect(shape(fast)).toEqual(shape(slow));
    const found = await findings(captured.stderr);
    expect(found.map((d) => [d.rule, d.data?.count, d.data?.repeatedQueries])).toEqual([
      ['n-plus-one', 7, ['SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at']],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { openServerTestDatabase, testServerUrl, uniqueName } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import { urlAs } from '../support/url-as.js';

const BLOG = ['--schema', 'examples/blog/schema.sql', '--rows', '12000'];

function diagnosticsOf(stdout: string): Diagnostic[] {
  return JSON.parse(stdout).diagnostics;
}

// Each run loads the schema, fills 12,000 rows per table and tries the advisor's candidate indexes.
describe('pgvigil explain on the embedded engine', { timeout: 180_000 }, () => {
  it('runs a query on the schema with synthetic rows, draws the tree and reports the seq scan', async () => {
    const query = "SELECT id, title FROM posts WHERE title ILIKE '%zz%' ORDER BY created_at DESC LIMIT 20";
    const text = await cli('explain', query, ...BLOG);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Synthetic rows: 12000 in each empty table');
    expect(text.stdout).toContain('EXPLAIN (ANALYZE, BUFFERS)');
    expect(text.stdout).toMatch(/▶ [█·]{10} +\d+%.*Seq Scan on posts/);
    expect(text.stdout).toContain('seq-scan-large-table');
    const json = await cli('explain', query, ...BLOG, '--format', 'json');
    const seq = diagnosticsOf(json.stdout).find((d) => d.rule === 'seq-scan-large-table');
    expect(seq?.data).toMatchObject({ relation: 'posts', rowsRead: 12_000, rowsKept: 0 });
    expect(json.stdout).not.toContain('▶');
    expect(json.code).toBe(0);
  });

  it('plans a query file with $1 generically and places findings on its statement', async () => {
    const run = await cli('explain', 'examples/blog/queries/search_posts.sql', ...BLOG, '--format', 'json');
    const found = diagnosticsOf(run.stdout);
    const [finding, ...more] = found.filter((d) => d.rule !== 'index-advice');
    expect(more).toEqual([]);
    // The advisor's proven index: no btree serves the ILIKE, but reading created_at DESC stops after 20 matches.
    expect(found.find((d) => d.rule === 'index-advice')?.suggestedSql).toBe(
      'CREATE INDEX CONCURRENTLY posts_created_at_idx ON public.posts USING btree (created_at DESC);',
    );
    expect(finding).toMatchObject({
      rule: 'seq-scan-large-table',
      file: 'examples/blog/queries/search_posts.sql',
      line: 3,
    });
    const text = await cli('explain', 'examples/blog/queries/search_posts.sql', ...BLOG, '--rows', '0');
    expect(text.stdout).toContain('generic plan: the query has $n parameters');
  });

  it('runs DML in a transaction that is rolled back: the next statement still sees every row', async () => {
    const dir = await tempProject({
      'schema.sql':
        'CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t SELECT g, g FROM generate_series(1, 50) g;',
      'q.sql': 'DELETE FROM t WHERE v > 10;\nSELECT * FROM t;\n',
    });
    const run = await cli('explain', `${dir}/q.sql`, '--schema', `${dir}/schema.sql`, '--rows', '0');
    expect(run.stdout).toContain('q.sql:1  EXPLAIN (ANALYZE, BUFFERS): run and measured, then rolled back');
    expect(run.stdout).toMatch(/Delete on t/);
    expect(run.stdout).toMatch(/Seq Scan on t +rows 40 /);
    expect(run.stdout).toMatch(/q\.sql:2 [\s\S]*Seq Scan on t +rows 50 /);
  });

  describe('plan files', () => {
    let engine: Engine;
    let dir: string;
    beforeAll(async () => {
      engine = await openPglite();
      await engine.exec(
        `CREATE TABLE big AS SELECT g AS id, md5(g::text) AS note FROM generate_series(1, 20000) g;`,
      );
      await engine.exec("ANALYZE big; SET work_mem = '64kB'");
      const plan = async (format: string) =>
        (
          await engine.query<{ 'QUERY PLAN': unknown }>(
            `EXPLAIN (ANALYZE, BUFFERS, FORMAT ${format}) SELECT * FROM big ORDER BY note`,
          )
        ).rows;
      const json = JSON.stringify((await plan('JSON'))[0]?.['QUERY PLAN'], null, 2);
      const text = (await plan('TEXT')).map((row) => row['QUERY PLAN']).join('\n');
      dir = await tempProject({
        'plan.json': json,
        'plan.txt': `                QUERY PLAN\n-----------\n${text}\n(12 rows)\n`,
      });
    });
    afterAll(() => engine.close());

    it('reads EXPLAIN JSON and psql text alike, and finds the spill in both', async () => {
      for (const file of [`${dir}/plan.json`, `${dir}/plan.txt`]) {
        const run = await cli('explain', file, '--format', 'json');
        expect(run.stderr).toBe('');
        const spill = diagnosticsOf(run.stdout).find((d) => d.rule === 'disk-spill');
        expect(spill?.file, file).toBe(file);
        expect(String(spill?.data?.sortMethod)).toMatch(/^external/);
      }
      const text = await cli('explain', `${dir}/plan.txt`);
      expect(text.stdout).toContain('read from the plan file');
      expect(text.stdout).toMatch(/▶ .*Sort/);
    });
  });

  it('gives one line with file and line, exit 2, for input that is neither SQL nor a plan, or fails', async () => {
    const dir = await tempProject({
      'notes.txt': 'hello world\nthis is not sql\n',
      'q.sql': '\nSELECT * FROM missing_table;\n',
    });
    const junk = await cli('explain', `${dir}/notes.txt`);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(
      /^pgvigil: .*notes\.txt:1: neither a plan EXPLAIN printed nor SQL that parses: .*\n$/,
    );
    const failing = await cli('explain', `${dir}/q.sql`, '--rows', '0');
    expect(failing.code).toBe(2);
    expect(failing.stderr).toMatch(
      /^pgvigil: .*q\.sql:2: PostgreSQL rejected the query: relation "missing_table" does not exist\n$/,
    );
    const ddl = await cli('explain', 'CREATE TABLE x (id int)');
    expect(ddl.stderr).toMatch(/not CreateStmt|not Create/);
    expect((await cli('explain', 'nope.sql')).stderr).toContain('nope.sql: no such file');
    expect((await cli('explain', 'SELECT 1', '--timeout', 'soon')).stderr).toContain(
      '--timeout soon is not a duration',
    );
  });
});

describe.runIf(testServerUrl())('pgvigil explain --db', () => {
  let engine: Engine;
  let url: string;
  beforeAll(async () => {
    engine = await openServerTestDatabase();
    const { rows } = await engine.query<{ db: string }>('SELECT current_database() AS db');
    url = urlForDatabase(testServerUrl() ?? '', rows[0]?.db ?? '');
    await engine.exec(
      'CREATE TABLE t (id int PRIMARY KEY, grp int); INSERT INTO t SELECT g, g % 100 FROM generate_series(1, 30000) g; ANALYZE t',
    );
  });
  afterAll(() => engine.close());

  it('measures a SELECT on the server and judges it by its real rows', async () => {
    const run = await cli('explain', 'SELECT * FROM t WHERE grp = 7', '--db', url, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(diagnosticsOf(run.stdout).find((d) => d.rule === 'seq-scan-large-table')?.data).toMatchObject({
      rowsRead: 30_000,
      rowsKept: 300,
    });
  });

  it('only plans writes on the read-only session, and never changes a row', async () => {
    const run = await cli('explain', 'DELETE FROM t WHERE grp = 7', '--db', url);
    expect(run.stdout).toContain('planned, not run: the --db session is read-only');
    const { rows } = await engine.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    expect(rows[0]?.n).toBe(30_000);
  });

  it('a table the --db role may not read: one line naming it and the grant, exit 2, the other queries go on', async () => {
    const role = uniqueName('pgvigil_reader');
    await engine.exec(`CREATE ROLE ${role} LOGIN PASSWORD 'pw'; CREATE TABLE hidden (id int)`);
    try {
      const asRole = urlAs(url, role, 'pw');
      const run = await cli('explain', 'SELECT * FROM hidden', '--db', asRole);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/permission denied for table hidden .*GRANT SELECT/);
      expect(run.stderr).not.toContain(':pw@');
    } finally {
      await engine.exec(`DROP TABLE hidden; DROP ROLE ${role}`);
    }
  });

  it('stops a query at --timeout with a one-line error', async () => {
    const run = await cli('explain', 'SELECT pg_sleep(5)', '--db', url, '--timeout', '200ms');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/statement timeout.*raise --timeout/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { parseDistribution } from '../../src/explain/distribution.js';
import { prepareEmbeddedData } from '../../src/explain/embedded-data.js';
import { parseDistributions, parseRows } from '../../src/explain/synthetic-spec.js';
import { cli } from '../support/run-cli.js';

const SCHEMA = `
CREATE TABLE posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('published', 'draft', 'hidden')),
  author_id int NOT NULL, note text
);
CREATE INDEX posts_status_idx ON posts (status);`;

async function filled(distributions: readonly string[], rows = 20_000): Promise<Engine> {
  const engine = await openPglite();
  await engine.exec(SCHEMA);
  const parsed = parseDistributions(distributions);
  if (typeof parsed === 'string') throw new Error(parsed);
  await prepareEmbeddedData(engine, { rowsPerTable: rows, distributions: parsed }, undefined);
  return engine;
}

async function scan(engine: Engine, status: string): Promise<string> {
  const { rows } = await engine.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT * FROM posts WHERE status = '${status}'`,
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function columnStats(engine: Engine, column: string) {
  const { rows } = await engine.query<{ null_frac: number; n_distinct: number; freq: number | null }>(
    `SELECT null_frac::float8 AS null_frac, n_distinct::float8 AS n_distinct, most_common_freqs[1]::float8 AS freq
     FROM pg_stats WHERE tablename = 'posts' AND attname = $1`,
    [column],
  );
  return rows[0];
}

describe('--distribution: how synthetic rows spread over a column', { timeout: 60_000 }, () => {
  it('a rare value chooses the index, a common one the seq scan, and swapping the shares swaps the plans', async () => {
    const rare = await filled(['posts.status=values:published=0.99,draft=0.01']);
    const common = await filled(['posts.status=values:published=0.01,draft=0.99']);
    try {
      expect(await scan(rare, 'draft')).toMatch(/Index Scan|Bitmap Index Scan/);
      expect(await scan(rare, 'published')).toMatch(/^Seq Scan/);
      expect(await scan(common, 'draft')).toMatch(/^Seq Scan/);
      expect(await scan(common, 'published')).toMatch(/Index Scan|Bitmap Index Scan/);
      expect((await columnStats(rare, 'status'))?.freq).toBeCloseTo(0.99, 1);
    } finally {
      await rare.close();
      await common.close();
    }
  });

  it('distinct:n, zipf:n and nulls:f give the distinct count, the skew and the NULL share asked for', async () => {
    const engine = await filled([
      'posts.author_id=distinct:50',
      'posts.note=zipf:100',
      'posts.note=nulls:0.3',
    ]);
    try {
      expect((await columnStats(engine, 'author_id'))?.n_distinct).toBe(50);
      const note = await columnStats(engine, 'note');
      expect(note?.null_frac).toBeGreaterThan(0.27);
      expect(note?.null_frac).toBeLessThan(0.33);
      // zipf over 100 values: the first is log(2) / log(101) = 15 % of the rows with a value.
      expect((note?.freq ?? 0) / (1 - (note?.null_frac ?? 0))).toBeCloseTo(Math.log(2) / Math.log(101), 1);
    } finally {
      await engine.close();
    }
  });

  it('reads the specs and says what is wrong with one', () => {
    expect(parseDistribution('values:a=0.9,b=0.1')).toEqual({
      kind: 'values',
      values: [
        ['a', 0.9],
        ['b', 0.1],
      ],
    });
    expect(parseDistribution('zipf:0')).toMatch(/whole number/);
    expect(parseDistribution('values:a=0.9,b=0.2')).toMatch(/add up to 1\.1/);
    expect(parseDistribution('normal')).toMatch(/not a distribution; use uniform, zipf/);
    expect(parseDistributions(['status=zipf'])).toMatch(/<table>\.<column>=<spec>/);
    expect(parseRows(['5000', 'posts=1000000'])).toEqual({
      rows: 5000,
      tableRows: new Map([['posts', 1_000_000]]),
    });
    expect(parseRows(['posts=many'])).toMatch(/give a count/);
  });
});

describe('--rows table=n and --distribution on the command line', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgvigil-distribution-'));
    await writeFile(join(dir, 'schema.sql'), SCHEMA);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fills the table as told and names an unknown column in one line', async () => {
    const schema = ['--schema', join(dir, 'schema.sql')];
    const run = await cli(
      'explain',
      "SELECT * FROM posts WHERE status = 'hidden'",
      ...schema,
      '--rows',
      'posts=5000',
      '--distribution',
      'posts.status=values:published=0.995,hidden=0.005',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'Synthetic rows: public.posts 5000, 1 column(s) spread as --distribution says',
    );
    expect(run.stdout).toMatch(/Index Scan|Bitmap Index Scan/);
    const wrong = await cli('explain', 'SELECT 1', ...schema, '--distribution', 'posts.nope=uniform');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('pgvigil: --distribution posts.nope: public.posts has no column nope.\n');
  });

  it('takes rows and distributions from the config file, a flag winning for its column', async () => {
    const config = join(dir, 'pgvigil.config.json');
    await writeFile(
      config,
      JSON.stringify({
        schema: 'schema.sql',
        data: {
          rows: { '*': 0, posts: 5000 },
          distributions: { 'posts.status': 'values:published=0.995,hidden=0.005' },
        },
      }),
    );
    const query = "SELECT * FROM posts WHERE status = 'hidden'";
    const run = await cli('explain', query, '--config', config);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'Synthetic rows: public.posts 5000, 1 column(s) spread as --distribution says',
    );
    expect(run.stdout).toMatch(/Index Scan|Bitmap Index Scan/);
    const flipped = await cli(
      'explain',
      query,
      '--config',
      config,
      '--distribution',
      'posts.status=values:published=0.005,hidden=0.995',
    );
    expect(flipped.stdout).toMatch(/Seq Scan on posts/);
    await writeFile(config, JSON.stringify({ schema: 'schema.sql', data: { stats: 'prod/stats.json' } }));
    const stats = await cli('explain', query, '--config', config);
    expect(stats.code).toBe(2);
    expect(stats.stderr).toBe(
      `pgvigil: --stats ${join(dir, 'prod/stats.json')}: not found; check the path.\n`,
    );
  });
});

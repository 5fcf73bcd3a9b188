import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import type { StatsFile } from '../../src/stats/stats-file.js';
import { openServerTestDatabase, testServerUrl } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { BLOG_SCHEMA, fillBlog } from './blog-stats.js';

let server: Engine;
let url: string;
let dir: string;

beforeAll(async () => {
  server = await openServerTestDatabase();
  await server.exec(BLOG_SCHEMA);
  await fillBlog(server, 200_000);
  const { rows } = await server.query<{ db: string }>('SELECT current_database() AS db');
  url = urlForDatabase(testServerUrl() ?? '', rows[0]?.db ?? '');
  dir = await mkdtemp(join(tmpdir(), 'pgvigil-stats-cli-'));
  await writeFile(join(dir, 'schema.sql'), BLOG_SCHEMA);
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pgvigil stats export, then explain --stats', { timeout: 120_000 }, () => {
  it('writes the file with -o and says what it holds on stderr', async () => {
    const file = join(dir, 'stats.json');
    const run = await cli('stats', 'export', '--db', url, '-o', file, '--table', 'posts');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/statistics of 1 table\(s\) and 5 column\(s\) from PostgreSQL 15\.\d+/);
    const stats = JSON.parse(await readFile(file, 'utf8')) as StatsFile;
    expect(stats.tables[0]).toMatchObject({ name: 'posts', reltuples: 200_000 });
  });

  it('explain on the embedded engine plans with production’s row counts, estimated, not run', async () => {
    const file = join(dir, 'all.json');
    expect((await cli('stats', 'export', '--db', url, '-o', file)).code).toBe(0);
    const query = "SELECT * FROM posts WHERE status = 'published'";
    const run = await cli(
      'explain',
      query,
      '--schema',
      join(dir, 'schema.sql'),
      '--stats',
      file,
      '--rows',
      '1000',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Production statistics from ${file} (PostgreSQL 15.`);
    expect(run.stdout).not.toContain('EXPLAIN (ANALYZE');
    // Production's share of published posts times its row count, whatever the 1,000 synthetic rows hold.
    const posts = (JSON.parse(await readFile(file, 'utf8')) as StatsFile).tables.find(
      (t) => t.name === 'posts',
    );
    const freq = posts?.columns.find((c) => c.name === 'status')?.most_common_freqs?.[0] ?? 0;
    const estimate = Number(
      /Seq Scan on posts +rows est ([\d,]+)/.exec(run.stdout)?.[1]?.replaceAll(',', ''),
    );
    expect(estimate / (freq * (posts?.reltuples ?? 0))).toBeCloseTo(1, 2);
    expect(estimate).toBeGreaterThan(100 * 1000);
  });

  it('says in one line what is wrong with a command or a stats file', async () => {
    expect((await cli('stats', 'export')).stderr).toMatch(
      /^pgvigil: stats export reads a server’s statistics: give --db/,
    );
    expect((await cli('stats', 'import', '--db', url)).stderr).toMatch(/^pgvigil: stats takes one action/);
    await writeFile(join(dir, 'other.json'), '{"tables": []}');
    const wrong = await cli('explain', 'SELECT 1', '--stats', join(dir, 'other.json'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      `pgvigil: --stats ${join(dir, 'other.json')}: not a pgvigil stats file (no "format": "pgvigil-stats"); write one with pgvigil stats export --db URL -o stats.json.\n`,
    );
    const both = await cli('explain', 'SELECT 1', '--db', url, '--stats', join(dir, 'all.json'));
    expect(both.stderr).toContain('with --db the server’s own data is used');
  });

  it('names a --table or --schema that matched no table, instead of exporting nothing without a word', async () => {
    const run = await cli('stats', 'export', '--db', url, '--table', 'posts', '--table', 'post');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'pgvigil: --table post matched no table; check its name (name or schema.name).\n',
    );
    expect(run.stderr).not.toContain('--table posts matched');
    const schema = await cli('stats', 'export', '--db', url, '--schema', 'pubic');
    expect(schema.stderr).toContain('pgvigil: --schema pubic matched no table; check its name.\n');
  });

  it('-o into a folder that is not there: one line, and no note that it was written', async () => {
    const file = join(dir, 'no-such-dir', 'stats.json');
    const run = await cli('stats', 'export', '--db', url, '-o', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `pgvigil: could not write the report to ${file}: no such file or directory (ENOENT). Free space, fix the path or give another --output.\n`,
    );
  });
});

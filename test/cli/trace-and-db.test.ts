import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openServerTestDatabase, testServerUrl } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA =
  'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\nCREATE TABLE tags (id bigint PRIMARY KEY);\n';

async function project(migration: string): Promise<string> {
  return tempProject({ 'schema.sql': SCHEMA, 'migrations/000001_x.up.sql': migration });
}

type Found = { rule: string; severity: string; line: number; data?: Record<string, unknown> };

async function lint(dir: string, ...extra: string[]): Promise<{ code: number; found: Found[] }> {
  const run = await cli(
    'lint',
    `${dir}/migrations`,
    '--schema',
    `${dir}/schema.sql`,
    '--format',
    'json',
    ...extra,
  );
  return { code: run.code, found: JSON.parse(run.stdout).diagnostics as Found[] };
}

describe('lint --trace', () => {
  it('adds the lock timeline, the locks no rule explained and each statement’s record', async () => {
    const dir = await project(
      'ALTER TABLE posts ADD COLUMN note text;\nCREATE INDEX tags_id2 ON tags (id);\n',
    );
    const plain = await lint(dir);
    const traced = await lint(dir, '--trace');
    const rules = (found: Found[]) => found.map((d) => `${d.rule}@${d.line}`).sort();
    const rulesAlone = ['ban-work-after-access-exclusive@2', 'require-concurrent-index@2'];
    expect(rules(plain.found)).toEqual(rulesAlone);
    expect(rules(traced.found)).toEqual(
      ['lock-timeline@1', 'observed-strong-lock@1', 'trace-step@1', 'trace-step@2', ...rulesAlone].sort(),
    );
  });

  it('is refused with --static, which runs no engine', async () => {
    const run = await cli('lint', 'migrations', '--trace', '--static');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--trace .* --static runs no engine/);
  });
});

describe('lint --db: table sizes from a live database', () => {
  let live: Engine;
  beforeAll(async () => {
    live = await openServerTestDatabase();
    await live.exec(`${SCHEMA}INSERT INTO posts SELECT g, 't' FROM generate_series(1, 40) g;`);
    await live.exec('ANALYZE posts');
  });
  afterAll(() => live.close());

  it('makes a build on a table the statistics call small information, and says so', async () => {
    const admin = testServerUrl() ?? '';
    const { rows } = await live.query<{ db: string }>('SELECT current_database() AS db');
    const url = urlForDatabase(admin, rows[0]?.db ?? '');
    const dir = await project('CREATE INDEX posts_title ON posts (title);\n');
    const withDb = await lint(dir, '--db', url);
    expect(withDb.code).toBe(0);
    expect(withDb.found.map((d) => [d.rule, d.severity, d.data?.smallTable])).toEqual([
      ['require-concurrent-index', 'info', true],
    ]);
    expect((await lint(dir)).found.map((d) => d.severity)).toEqual(['error']);
  });

  it('fails in one line, without the password, when the server cannot be reached', async () => {
    const dir = await project('CREATE INDEX posts_title ON posts (title);\n');
    const run = await cli('lint', `${dir}/migrations`, '--db', 'postgres://u:secret@127.0.0.1:1/x');
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('secret');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { symlink } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

/*
 * Files that are symbolic links into a shared folder (a monorepo, a Nix or Bazel tree): every
 * folder walker took regular files only, so these were left out without a word.
 */

async function findings(...argv: string[]): Promise<[string, string][]> {
  const run = await cli(...argv, '--format', 'json');
  expect(run.stderr).toBe('');
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string }[] };
  return diagnostics.map((d) => [d.rule, d.file]);
}

const shared = () =>
  tempProject({
    'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n',
    'index.sql': 'CREATE INDEX posts_title ON posts (title);\n',
    'query.sql': 'SELECT * FROM nope;\n',
    'loop.ts':
      'export async function f(db, ids) {\n  for (const id of ids) await db.query("SELECT 1 WHERE $1 = 1", [id]);\n}\n',
    'session.sql': 'SET search_path = app;\n',
  });

describe('files that are symbolic links', () => {
  it('lint and lint --static read a linked migration, and report a dangling one instead of skipping it', async () => {
    const from = await shared();
    const dir = await tempProject({});
    await symlink(`${from}/index.sql`, `${dir}/001_index.sql`);
    await symlink(`${dir}/nowhere.sql`, `${dir}/002_gone.sql`);
    const expected = [
      ['require-concurrent-index', `${dir}/001_index.sql`],
      ['unsupported-input', `${dir}/002_gone.sql`],
    ];
    for (const mode of [['--static'], []])
      expect(await findings('lint', ...mode, dir, '--schema', `${from}/schema.sql`)).toEqual(expected);
  }, 60_000);

  it('check plans a linked query file, n1 reads a linked code file, pooling a linked SQL file', async () => {
    const from = await shared();
    const dir = await tempProject({ 'schema.sql': 'CREATE TABLE t (id int);\n', 'queries/.keep': '' });
    await symlink(`${from}/query.sql`, `${dir}/queries/q.sql`);
    await symlink(`${from}/loop.ts`, `${dir}/loop.ts`);
    await symlink(`${from}/session.sql`, `${dir}/session.sql`);
    expect(await findings('check', dir)).toContainEqual(['statement-failed', `${dir}/queries/q.sql`]);
    expect(await findings('n1', dir)).toEqual([['no-query-in-loop', `${dir}/loop.ts`]]);
    expect(await findings('pooling', dir)).toContainEqual(['ban-session-set', `${dir}/session.sql`]);
  }, 60_000);
});

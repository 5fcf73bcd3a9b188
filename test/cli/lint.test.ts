import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA = ['--schema', 'examples/blog/schema.sql'];
const INDEX_MIGRATION = 'examples/blog/migrations/000002_index_posts_status.up.sql';
const DROP_MIGRATION = 'examples/blog/migrations/000004_drop_post_likes_created_at.up.sql';

async function lint(...argv: string[]) {
  const run = await cli('lint', ...argv, '--format', 'json');
  const diagnostics: Diagnostic[] = run.stdout ? JSON.parse(run.stdout).diagnostics : [];
  return { ...run, diagnostics };
}

describe('pgvigil lint', () => {
  it('judges a migrations folder after the schema, without the schema rules', async () => {
    const { code, diagnostics } = await lint('examples/blog/migrations', ...SCHEMA);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['require-concurrent-index', INDEX_MIGRATION, 2],
      ['ban-drop-column', DROP_MIGRATION, 2],
    ]);
    expect(code).toBe(1);
  });

  it('judges single files as psql would run them, or in a transaction when told to', async () => {
    const alone = await lint(INDEX_MIGRATION, ...SCHEMA);
    expect(alone.diagnostics.map((d) => d.data?.inTransaction)).toEqual([false]);
    const wrapped = await lint(INDEX_MIGRATION, ...SCHEMA, '--assume-in-transaction');
    expect(wrapped.diagnostics.map((d) => d.data?.inTransaction)).toEqual([true]);
  });

  it('refuses contradictory or missing arguments with one line and exit code 2', async () => {
    for (const argv of [
      [],
      [INDEX_MIGRATION, '--assume-in-transaction', '--no-transaction'],
      ['no/such.sql'],
    ]) {
      const { code, stderr } = await cli('lint', ...argv);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--static finds the same as the engine on the example, marked static, with no engine started', async () => {
    const { code, diagnostics } = await lint('examples/blog/migrations', ...SCHEMA, '--static');
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.data?.mode])).toEqual([
      ['require-concurrent-index', INDEX_MIGRATION, 2, 'static'],
      ['ban-drop-column', DROP_MIGRATION, 2, 'static'],
    ]);
    expect(code).toBe(1);
  });

  it('refuses --static for check, and a --pg-version that is no version, with one line and exit code 2', async () => {
    const check = await cli('check', 'examples/blog', '--static');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('check needs the engine');
    const version = await cli('lint', INDEX_MIGRATION, '--static', '--pg-version', 'thirteen');
    expect(version.code).toBe(2);
    expect(version.stderr.trim().split('\n')).toHaveLength(1);
    expect(version.stderr).toContain('--pg-version thirteen');
  });

  it('--pg-version sets the version the rules follow: a constant default rewrites before PostgreSQL 11', async () => {
    const dir = await tempProject({
      'add.sql': 'ALTER TABLE posts ADD COLUMN n integer NOT NULL DEFAULT 0;\n',
    });
    const now = await lint(join(dir, 'add.sql'), ...SCHEMA, '--static');
    expect(now.diagnostics.map((d) => d.rule)).toEqual([]);
    const old = await lint(join(dir, 'add.sql'), ...SCHEMA, '--static', '--pg-version', '10.4');
    expect(old.diagnostics.map((d) => d.rule)).toEqual(['ban-table-rewrite']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';

const SCHEMA = ['--schema', 'examples/blog/schema.sql'];
const INDEX_MIGRATION = 'examples/blog/migrations/000002_index_posts_status.up.sql';

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
});

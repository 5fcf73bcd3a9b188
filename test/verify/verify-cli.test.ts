import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SCRATCH_PREFIX } from '../../src/engine/scratch.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA = ['--schema', 'examples/blog/schema.sql'];

async function verify(...argv: string[]) {
  const run = await cli('verify', ...argv, '--format', 'json');
  const diagnostics: Diagnostic[] = run.stdout ? JSON.parse(run.stdout).diagnostics : [];
  return { ...run, diagnostics };
}

/** examples/blog's 000004 loses post_likes.created_at on rollback, on purpose; the rest is reversible. */
function irreversibleOnly(diagnostics: readonly Diagnostic[]): boolean {
  return (
    diagnostics.length === 1 &&
    diagnostics[0]?.rule === 'reversibility-data-loss' &&
    diagnostics[0]?.file === 'examples/blog/migrations/000004_drop_post_likes_created_at.down.sql'
  );
}

async function scratchDatabases(url: string): Promise<string[]> {
  const admin = await openServer(url);
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [SCRATCH_PREFIX],
    );
    return rows.map((row) => row.datname);
  } finally {
    await admin.close();
  }
}

describe('pgvigil verify', () => {
  it('finds only the deliberately irreversible migration of examples/blog, a warning (exit 0)', async () => {
    const { code, diagnostics, stderr } = await verify('examples/blog/migrations', ...SCHEMA);
    expect(stderr).toBe('');
    expect(irreversibleOnly(diagnostics)).toBe(true);
    expect(code).toBe(0);
  });

  it('reports a down that leaves an index behind in every format, with exit code 1', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id int PRIMARY KEY, view_count int);',
      'migrations/000001_idx.up.sql': 'CREATE INDEX idx_posts_view_count ON posts (view_count);',
      'migrations/000001_idx.down.sql': '-- forgot the index\n',
    });
    const args = [`${dir}/migrations`, '--schema', `${dir}/schema.sql`];
    const { code, diagnostics } = await verify(...args);
    expect(diagnostics.map((d) => [d.rule, d.line, d.message])).toEqual([
      ['reversibility', 1, 'down leaves index public.idx_posts_view_count behind'],
    ]);
    expect(diagnostics[0]?.file).toBe(`${dir}/migrations/000001_idx.down.sql`);
    expect(code).toBe(1);
    const text = await cli('verify', ...args);
    expect(text.stdout).toContain('down leaves index public.idx_posts_view_count behind');
    const sarif = JSON.parse((await cli('verify', ...args, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['reversibility']);
  });

  it('refuses a missing or extra directory with one line and exit code 2', async () => {
    for (const argv of [[], ['no/such/dir'], ['examples/blog/migrations', 'examples/blog']]) {
      const { code, stderr } = await cli('verify', ...argv);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  const url = testServerUrl();
  it.runIf(url)('runs with --db in a scratch database that is dropped afterwards', async () => {
    const server = url as string;
    const before = await scratchDatabases(server);
    const { code, diagnostics } = await verify('examples/blog/migrations', ...SCHEMA, '--db', server);
    expect(irreversibleOnly(diagnostics)).toBe(true);
    expect(code).toBe(0);
    expect(await scratchDatabases(server)).toEqual(before);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { allRuleMetas, knownRuleIds } from '../../src/rules/registry.js';
import { cli } from '../support/run-cli.js';

const ROOT = 'examples/blog';
const MARKER = /expect: ([a-z0-9-]+)/g;
/** Rules only `pgvigil verify` reports: their markers are checked by the verify test, not by check's. */
const VERIFY_RULES: ReadonlySet<string> = new Set(
  allRuleMetas.filter((meta) => meta.group === 'verify').map((meta) => meta.id),
);

interface Expectation {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
}

/** Every `expect: rule-id` comment in the example project; it points at its own line or the next one. */
async function expectations(): Promise<Expectation[]> {
  const entries = await readdir(ROOT, { recursive: true, withFileTypes: true });
  const found: Expectation[] = [];
  for (const entry of entries.filter((e) => e.isFile() && /\.(sql|ts)$/.test(e.name))) {
    const file = join(entry.parentPath, entry.name);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(MARKER)) found.push({ rule: match[1] ?? '', file, line: index + 1 });
    });
  }
  return found;
}

function matches(diagnostic: Diagnostic, expectation: Expectation): boolean {
  return (
    diagnostic.rule === expectation.rule &&
    diagnostic.file === expectation.file &&
    (diagnostic.line === expectation.line || diagnostic.line === expectation.line + 1)
  );
}

/** The command reports each wanted marker where it is, and nothing else. */
function expectExactly(diagnostics: readonly Diagnostic[], wanted: readonly Expectation[]): void {
  expect(wanted.length).toBeGreaterThan(0);
  for (const expectation of wanted) {
    expect(
      diagnostics.some((d) => matches(d, expectation)),
      JSON.stringify(expectation),
    ).toBe(true);
  }
  const unexpected = diagnostics.filter((d) => !wanted.some((e) => matches(d, e)));
  expect(unexpected).toEqual([]);
}

describe('pgvigil check examples/blog', () => {
  it('reports every marked problem whose rule exists, where it is marked, and nothing else', async () => {
    const { code, stdout, stderr } = await cli('check', ROOT, '--format', 'json');
    expect(stderr).toBe('');
    const wanted = (await expectations()).filter(
      (e) => knownRuleIds.has(e.rule) && !VERIFY_RULES.has(e.rule),
    );
    expectExactly(JSON.parse(stdout).diagnostics, wanted);
    expect(code).toBe(1);
  });

  it('marks at least one problem per promise the example is meant to show', async () => {
    const rules = new Set((await expectations()).map((e) => e.rule));
    expect([...rules].sort()).toEqual(
      [
        'ban-drop-column',
        'no-query-in-loop',
        'prefer-identity',
        'reversibility-data-loss',
        'require-concurrent-index',
        'require-fk-index',
        'seq-scan-large-table',
      ].sort(),
    );
  });
});

describe('pgvigil verify examples/blog/migrations', () => {
  it('reports the deliberately irreversible migration with its marker, and the reversible ones clean', async () => {
    const { stdout, stderr } = await cli(
      'verify',
      join(ROOT, 'migrations'),
      '--schema',
      join(ROOT, 'schema.sql'),
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    const diagnostics: Diagnostic[] = JSON.parse(stdout).diagnostics;
    const wanted = (await expectations()).filter((e) => VERIFY_RULES.has(e.rule));
    expectExactly(diagnostics, wanted);
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(
      new Set([join(ROOT, 'migrations/000004_drop_post_likes_created_at.down.sql')]),
    );
  });
});

describe('pgvigil lint --trace examples/blog/migrations', () => {
  it('shows the lock timeline of the migration that locks posts while it creates post_likes', async () => {
    const { stdout, stderr } = await cli(
      'lint',
      join(ROOT, 'migrations'),
      '--schema',
      join(ROOT, 'schema.sql'),
      '--trace',
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    const timelines = (JSON.parse(stdout).diagnostics as Diagnostic[]).filter(
      (d) => d.rule === 'lock-timeline',
    );
    const byFile = new Map(timelines.map((d) => [d.file?.split('/').at(-1), d.message]));
    expect(byFile.get('000003_create_post_likes.up.sql')).toContain(
      'public.posts: SHARE ROW EXCLUSIVE from line 2 until the end of the migration',
    );
    // The other files hold one statement each, which golang-migrate runs in a transaction of its own.
    expect(byFile.get('000002_index_posts_status.up.sql')).toContain(
      'public.posts: SHARE during line 2 only (held while that statement ran)',
    );
    expect([...byFile.keys()].sort()).toEqual([
      '000001_add_posts_view_count.up.sql',
      '000002_index_posts_status.up.sql',
      '000003_create_post_likes.up.sql',
      '000004_drop_post_likes_created_at.up.sql',
    ]);
  });
});

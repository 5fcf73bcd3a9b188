import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig, loadProjectConfig } from '../../src/config/load-config.js';
import { BUILTIN_METAS } from '../../src/diagnostics/builtin.js';
import type { RuleMeta } from '../../src/diagnostics/rule-meta.js';

const FK_INDEX: RuleMeta = {
  id: 'require-fk-index',
  group: 'schema',
  category: 'performance',
  defaultSeverity: 'warning',
  summary: 'Every foreign key has an index.',
  thresholds: { minRows: { default: 1000, description: 'Smallest table worth an index.' } },
};
const rules: readonly RuleMeta[] = [...BUILTIN_METAS, FK_INDEX];

const root = mkdtempSync(join(tmpdir(), 'pgvigil-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function write(name: string, text: string): string {
  const dir = join(root, `case-${counter++}`);
  mkdirSync(dir);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function errorsOf(config: unknown) {
  const file = write('pgvigil.config.json', JSON.stringify(config, null, 2));
  const loaded = await loadConfig(file, { rules });
  for (const error of loaded.errors) {
    expect(error.file).toBe(file);
    expect(error.userMessage).not.toContain('\n');
    expect(error.userMessage.startsWith(`${file}: ${error.keyPath}: `)).toBe(true);
  }
  return loaded.errors.map((error) => ({ keyPath: error.keyPath, message: error.userMessage }));
}

describe('loadConfig', () => {
  it('reads a valid config, filling defaults and joining paths to the config directory', async () => {
    const file = write(
      'pgvigil.config.json',
      JSON.stringify({
        $schema: './node_modules/pgvigil/config-schema.json',
        schema: 'db/schema.sql',
        migrations: { dir: 'db/migrations' },
        queries: 'sql/queries',
        pgVersion: 16,
        rules: {
          'require-fk-index': { severity: 'error', options: { minRows: 50 } },
          'syntax-error': 'warning',
        },
      }),
    );
    const loaded = await loadConfig(file, { rules });
    expect(loaded.errors).toEqual([]);
    const dir = join(file, '..');
    expect(loaded.config).toEqual({
      schema: [join(dir, 'db/schema.sql')],
      migrations: { dir: join(dir, 'db/migrations'), format: 'auto' },
      queries: join(dir, 'sql/queries'),
      pgVersion: 16,
      failOn: 'error',
      rules: {
        'require-fk-index': { severity: 'error', options: { minRows: 50 } },
        'syntax-error': 'warning',
      },
    });
  });

  it('names an unknown top-level key and suggests the closest one', async () => {
    const [error, ...rest] = await errorsOf({ shema: ['a.sql'] });
    expect(rest).toEqual([]);
    expect(error?.keyPath).toBe('shema');
    expect(error?.message).toContain('unknown key. Did you mean "schema"?');
    expect(error?.message).toContain(
      'Allowed here: schema, migrations, queries, code, pgVersion, failOn, rules, data.',
    );
  });

  it('names an unknown rule id and suggests the closest known id', async () => {
    const errors = await errorsOf({ rules: { 'require-fk-indx': 'off', 'no-such-thing-at-all': 'off' } });
    expect(errors.map((error) => error.keyPath)).toEqual([
      'rules.require-fk-indx',
      'rules.no-such-thing-at-all',
    ]);
    expect(errors[0]?.message).toContain('unknown rule id. Did you mean "require-fk-index"?');
    expect(errors[1]?.message).not.toContain('Did you mean');
  });

  it('rejects a bad severity, listing what is allowed', async () => {
    const errors = await errorsOf({ rules: { 'require-fk-index': { severity: 'warn' } }, failOn: 'fatal' });
    expect(errors.map((error) => error.keyPath)).toEqual(['failOn', 'rules.require-fk-index.severity']);
    expect(errors[1]?.message).toContain('must be "off", "error", "warning" or "info"');
    expect(errors[1]?.message).toContain('got the string "warn". Did you mean "warning"?');
    expect(errors[0]?.message).toContain('must be "error", "warning" or "info", got the string "fatal"');
  });

  it('rejects an unknown threshold name and a threshold that is not a number', async () => {
    const errors = await errorsOf({
      rules: {
        'require-fk-index': { options: { minRow: 10, minRows: '100' } },
        'syntax-error': { options: { x: 1 } },
      },
    });
    expect(errors).toEqual([
      {
        keyPath: 'rules.require-fk-index.options.minRow',
        message: expect.stringContaining(
          'unknown threshold. Did you mean "minRows"? Thresholds of require-fk-index: minRows.',
        ),
      },
      {
        keyPath: 'rules.require-fk-index.options.minRows',
        message: expect.stringContaining('must be a number, got the string "100".'),
      },
      {
        keyPath: 'rules.syntax-error.options.x',
        message: expect.stringContaining('syntax-error has no thresholds.'),
      },
    ]);
  });

  it('refuses to turn off a rule that reports unreadable input', async () => {
    const errors = await errorsOf({ rules: { 'syntax-error': 'off' } });
    expect(errors).toEqual([
      { keyPath: 'rules.syntax-error', message: expect.stringContaining('cannot be turned off') },
    ]);
  });

  it('collects every mistake in one pass, keeping the valid settings', async () => {
    const file = write(
      'pgvigil.config.json',
      JSON.stringify({
        schema: 42,
        migrations: { dir: 'm', format: 'flyaway', extra: true },
        pgVersion: 'sixteen',
        queries: 'q',
        rules: { 'require-fk-index': 'info' },
      }),
    );
    const loaded = await loadConfig(file, { rules });
    expect(loaded.errors.map((error) => error.keyPath)).toEqual([
      'migrations.extra',
      'migrations.format',
      'pgVersion',
      'schema',
    ]);
    expect(loaded.errors[1]?.userMessage).toContain('Did you mean "flyway"?');
    expect(loaded.config.queries).toBe(join(file, '..', 'q'));
    expect(loaded.config.rules).toEqual({ 'require-fk-index': 'info' });
  });

  it('reports invalid JSON with the line and column of the mistake', async () => {
    const file = write('pgvigil.config.json', '{\n  "schema": "a.sql",\n  "failOn": "error",\n}\n');
    const loaded = await loadConfig(file, { rules });
    expect(loaded.errors).toHaveLength(1);
    const [error] = loaded.errors;
    // The trailing comma is accepted; the parser stops at the "}" on line 4, column 1.
    expect({ line: error?.line, column: error?.column }).toEqual({ line: 4, column: 1 });
    expect(error?.userMessage).toMatch(new RegExp(`^${escapeRegExp(file)}:4:1: invalid JSON: `));
    expect(error?.userMessage).toContain('no trailing commas');
  });

  it('reports a missing file as a user error, not a crash', async () => {
    const loaded = await loadConfig(join(root, 'missing', 'pgvigil.config.json'), { rules });
    expect(loaded.errors[0]?.userMessage).toContain('file not found');
  });

  it('loads an ES module config through its default export and validates it the same way', async () => {
    const file = write(
      'pgvigil.config.mjs',
      "export default { failOn: 'warning', rules: { 'require-fk-index': 'of' } };\n",
    );
    const loaded = await loadConfig(file, { rules });
    expect(loaded.config.failOn).toBe('warning');
    expect(loaded.errors.map((error) => error.userMessage)).toEqual([
      expect.stringContaining('rules.require-fk-index: must be "off"'),
    ]);
  });

  it('reports a module config that does not load as one line', async () => {
    const file = write('pgvigil.config.mjs', 'export default { failOn: ;\n');
    const loaded = await loadConfig(file, { rules });
    expect(loaded.errors).toHaveLength(1);
    // The loader's own wording differs between Node and the test runner's module loader.
    expect(loaded.errors[0]?.userMessage.startsWith(`${file}: could not be loaded: `)).toBe(true);
    expect(loaded.errors[0]?.userMessage).not.toContain('\n');
  });
});

describe('loadConfig: data (what explain and advise give the embedded engine)', () => {
  it('reads rows, distributions (one spec or several) and a stats file joined to the config directory', async () => {
    const file = write(
      'pgvigil.config.json',
      JSON.stringify({
        data: {
          rows: { '*': 5000, posts: 1000000, 'public.comments': 0 },
          distributions: {
            'posts.status': ['values:draft=0.9,published=0.1', 'nulls:0.05'],
            'posts.author_id': 'zipf:100',
          },
          stats: 'prod/stats.json',
        },
      }),
    );
    const loaded = await loadConfig(file, { rules });
    expect(loaded.errors).toEqual([]);
    const data = loaded.config.data;
    expect(data?.rows).toBe(5000);
    expect([...(data?.tableRows ?? [])]).toEqual([
      ['posts', 1000000],
      ['public.comments', 0],
    ]);
    expect(data?.distributions.get('posts.status')).toEqual({
      kind: 'values',
      values: [
        ['draft', 0.9],
        ['published', 0.1],
      ],
      nulls: 0.05,
    });
    expect(data?.distributions.get('posts.author_id')).toEqual({ kind: 'zipf', count: 100 });
    expect(data?.stats).toBe(join(file, '..', 'prod/stats.json'));
  });

  it('names every wrong entry by its key path and keeps the right ones', async () => {
    const errors = await errorsOf({
      data: {
        rows: { posts: -1, comments: '10', tags: 7 },
        distributions: { status: 'zipf', 'posts.kind': 'sometimes', 'posts.flag': 3 },
        stats: '',
        sample: true,
      },
    });
    expect(errors.map((error) => error.keyPath)).toEqual([
      'data.sample',
      'data.rows.posts',
      'data.rows.comments',
      'data.distributions.status',
      'data.distributions.posts.kind',
      'data.distributions.posts.flag',
      'data.stats',
    ]);
    expect(errors[1]?.message).toContain('must be a whole number of rows, got the number -1');
    expect(errors[3]?.message).toContain('<table>.<column>');
  });
});

describe('loadProjectConfig', () => {
  it('reports a TypeScript config it cannot load, given or found, instead of reading it as JSON or ignoring it', async () => {
    const file = write('pgvigil.config.ts', 'export default { failOn: "info" } satisfies object;\n');
    const said =
      'is TypeScript, which Node cannot load without a compiler; rename it to pgvigil.config.mjs (export default { ... }, without type annotations) or write pgvigil.config.json.';
    const given = await loadProjectConfig('.', file, { rules });
    expect(given.errors.map((error) => error.userMessage)).toEqual([`${file}: ${said}`]);
    const found = await loadProjectConfig(join(file, '..'), undefined, { rules });
    expect(found.errors.map((error) => error.userMessage)).toEqual([`${file}: ${said}`]);
  });

  it('finds pgvigil.config.json in the checked directory, and uses defaults when there is none', async () => {
    const file = write('pgvigil.config.json', '{ "failOn": "info" }');
    const dir = join(file, '..');
    expect(findConfigFile(dir)).toBe(file);
    expect((await loadProjectConfig(dir, undefined, { rules })).config.failOn).toBe('info');
    const empty = mkdtempSync(join(root, 'empty-'));
    const defaults = await loadProjectConfig(empty, undefined, { rules });
    expect(defaults).toEqual({ config: { schema: [], failOn: 'error', rules: {} }, errors: [] });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

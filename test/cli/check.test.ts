import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';
import { validateSarif } from '../support/sarif-validator.js';
import { tempProject } from '../support/temp-project.js';

const USERS = 'CREATE TABLE users (id bigint PRIMARY KEY);\n';

function parseJson(stdout: string): { diagnostics: Diagnostic[]; summary: Record<string, unknown> } {
  return JSON.parse(stdout);
}

describe('pgvigil check', () => {
  it('reports a syntax error in one migration and still checks the others', async () => {
    const dir = await tempProject({
      'schema.sql': USERS,
      'migrations/000001_posts.up.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY);\n',
      'migrations/000002_broken.up.sql':
        '-- the next line is broken\nALTER TABLE posts ADD COLUMN title text NOT NUL;\n',
      'migrations/000003_comments.up.sql':
        'CREATE TABLE comments (\n  id bigint PRIMARY KEY,\n  user_id bigint REFERENCES users (id)\n);\n',
      'migrations/000004_empty.up.sql': '-- nothing yet\n',
    });
    const { code, stdout, stderr } = await cli('check', dir, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const { diagnostics } = parseJson(stdout);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['syntax-error', join(dir, 'migrations/000002_broken.up.sql'), 2],
      ['require-fk-index', join(dir, 'migrations/000003_comments.up.sql'), 3],
    ]);
    expect(diagnostics[0]?.column).toBe(45);
  });

  it('reports a statement PostgreSQL rejects at the token it points at, and goes on', async () => {
    const dir = await tempProject({
      'schema.sql': `${USERS}CREATE TABLE é (id nosuchtype);\nCREATE TABLE t (id bigint PRIMARY KEY, u bigint REFERENCES users (id));\n`,
    });
    const { code, stdout, stderr } = await cli('check', dir, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const { diagnostics } = parseJson(stdout);
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['statement-failed', 2, 20],
      ['require-fk-index', 3, 40],
    ]);
    expect(diagnostics[0]?.message).toContain('nosuchtype');
  });

  it('honours ignore comments and reports unknown rule ids in them', async () => {
    const dir = await tempProject({
      'schema.sql': `${USERS}-- pgvigil-ignore require-fk-index lookup table, never deleted\nCREATE TABLE a (id bigint PRIMARY KEY, u bigint REFERENCES users (id));\n-- pgvigil-ignore require-fk-indx\nCREATE TABLE b (id bigint PRIMARY KEY, u bigint REFERENCES users (id));\n`,
    });
    const { stdout } = await cli('check', dir, '--format', 'json');
    const { diagnostics } = parseJson(stdout);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['unknown-ignore-rule', 4],
      ['require-fk-index', 5],
    ]);
    expect(diagnostics[0]?.help).toContain('require-fk-index');
  });

  it('takes rule severities from the config file', async () => {
    const dir = await tempProject({
      'schema.sql': `${USERS}CREATE TABLE a (id bigint PRIMARY KEY, u bigint REFERENCES users (id));\n`,
      'pgvigil.config.json': JSON.stringify({ rules: { 'require-fk-index': 'warning' } }),
    });
    const warned = await cli('check', dir, '--format', 'json');
    expect(warned.code).toBe(0);
    expect(parseJson(warned.stdout).diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect((await cli('check', dir, '--fail-on', 'warning')).code).toBe(1);
  });

  it('writes SARIF that validates against the official 2.1.0 schema', async () => {
    const { code, stdout } = await cli('check', 'examples/blog', '--format', 'sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('require-fk-index');
  });

  it('prints GitHub annotations', async () => {
    const { stdout } = await cli('check', 'examples/blog', '--format', 'github');
    expect(stdout).toMatch(/^::error file=examples\/blog\/schema\.sql,line=30,/m);
  });
});

describe('pgvigil usage errors', () => {
  const cases: readonly [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['an unknown option', ['check', '--nope'], /--nope/],
    ['an unknown format', ['check', 'examples/blog', '--format', 'xml'], /--format xml is not a format/],
    ['a missing directory', ['check', 'no/such/dir'], /no\/such\/dir is not a directory/],
    ['a missing schema file', ['check', 'examples/blog', '--schema', 'nope.sql'], /not found: nope\.sql/],
  ];
  for (const [name, argv, message] of cases) {
    it(`exits 2 with one clear line for ${name}`, async () => {
      const { code, stdout, stderr } = await cli(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    });
  }

  it('exits 2 and lists every config mistake with file and key', async () => {
    const dir = await tempProject({
      'pgvigil.config.json': JSON.stringify({ rules: { 'require-fk-indx': 'error' }, failon: 'error' }),
      'schema.sql': USERS,
    });
    const { code, stderr } = await cli('check', dir);
    expect(code).toBe(2);
    expect(stderr).toContain('pgvigil.config.json');
    expect(stderr).toContain('require-fk-index');
    expect(stderr).toContain('failOn');
  });

  it('says what to do when a directory has nothing to check', async () => {
    const dir = await tempProject({ 'README.md': '# nothing\n' });
    const { code, stderr } = await cli('check', dir);
    expect(code).toBe(2);
    expect(stderr).toContain('nothing to check');
  });
});

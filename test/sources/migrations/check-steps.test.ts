import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { cli } from '../../support/run-cli.js';
import { tempProject } from '../../support/temp-project.js';

const DBMATE = [
  '-- users and their posts',
  '',
  '-- migrate:up',
  'CREATE TABLE users (id bigint PRIMARY KEY);',
  'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));',
  '',
  '-- migrate:down',
  'DROP TABLE posts;',
  'DROP TABLE users CASCADE CASCADE;',
  '',
].join('\n');

describe('pgvigil check on migration steps', () => {
  it('applies a dbmate up section and parses its down, each finding at the line of the real file', async () => {
    const dir = await tempProject({ 'migrations/20240101000000_users.sql': DBMATE });
    const file = join(dir, 'migrations/20240101000000_users.sql');
    const { stdout, stderr } = await cli('check', dir, '--format', 'json');
    expect(stderr).toBe('');
    const { diagnostics } = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['require-fk-index', file, 5],
      ['syntax-error', file, 9],
    ]);
    // At the second CASCADE of line 9, counted in the real file.
    expect(diagnostics[1]?.column).toBe((DBMATE.split('\n')[8] ?? '').lastIndexOf('CASCADE') + 1);
  });

  it('shows the real file around a finding in the down section', async () => {
    const dir = await tempProject({ 'migrations/20240101000000_users.sql': DBMATE });
    const { stdout } = await cli('check', dir, '--format', 'text');
    expect(stdout).toContain('DROP TABLE users CASCADE CASCADE;');
    expect(stdout).toContain('CREATE TABLE posts');
  });

  it('reports a migration the tool would refuse and checks the others', async () => {
    const dir = await tempProject({
      'migrations/1_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
      'migrations/2_orphan.down.sql': 'DROP TABLE orphans;\n',
      'migrations/3_posts.up.sql':
        'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\n',
    });
    const { stdout } = await cli('check', dir, '--format', 'json');
    const { diagnostics } = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((d) => [d.rule, d.file])).toEqual([
      ['unsupported-input', join(dir, 'migrations/2_orphan.down.sql')],
      ['require-fk-index', join(dir, 'migrations/3_posts.up.sql')],
    ]);
  });
});

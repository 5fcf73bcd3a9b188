import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const STACK_FRAME = /\n\s+at .+:\d+:\d+/;

describe('lint over a folder of damaged migrations', () => {
  it('reports each bad file with its position and goes on to judge the good ones', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28, 0x0a, 0x3b]).toString('latin1');
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n',
      'migrations/000001_bytes.up.sql': bytes,
      'migrations/000002_empty.up.sql': '',
      'migrations/000003_cut.up.sql':
        'ALTER TABLE posts ADD COLUMN x int;\nCREATE INDEX posts_title ON posts (tit',
      'migrations/000004_missing.up.sql': 'ALTER TABLE nope ADD COLUMN y int;\n',
      'migrations/000005_good.up.sql': 'CREATE INDEX posts_title ON posts (title);\n',
    });
    const run = await cli('lint', `${dir}/migrations`, '--schema', `${dir}/schema.sql`, '--format', 'json');
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as {
      diagnostics: { rule: string; file: string; line: number }[];
    };
    const where = (file: string) =>
      diagnostics.filter((d) => d.file.endsWith(file)).map((d) => [d.rule, d.line]);
    // The bytes hold a NUL: the parse error, and the finding that says the file is not UTF-8 text.
    expect(where('000001_bytes.up.sql')).toEqual([
      ['syntax-error', 1],
      ['syntax-error', 1],
    ]);
    expect(where('000002_empty.up.sql')).toEqual([]);
    expect(where('000003_cut.up.sql')).toEqual([['syntax-error', 2]]);
    expect(where('000004_missing.up.sql')).toEqual([['statement-failed', 1]]);
    expect(where('000005_good.up.sql')).toEqual([['require-concurrent-index', 1]]);
  });

  it('a NUL byte does not hide the statements after it, and is reported (the parser stopped reading there)', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
      'migrations/001_nul.sql': 'CREATE TABLE a (id bigint PRIMARY KEY);\n\u0000\nDROP TABLE users;\n',
      // Written below as UTF-16, as PowerShell's `>` writes a file.
      'migrations/002_utf16.sql': '',
    });
    await writeFile(
      `${dir}/migrations/002_utf16.sql`,
      Buffer.from('\ufeffCREATE TABLE b (id bigint PRIMARY KEY);\n', 'utf16le'),
    );
    for (const mode of [['--static'], []]) {
      const run = await cli(
        'lint',
        ...mode,
        `${dir}/migrations`,
        '--schema',
        `${dir}/schema.sql`,
        '--format',
        'json',
      );
      expect(run.stderr).not.toMatch(STACK_FRAME);
      const { diagnostics } = JSON.parse(run.stdout) as {
        diagnostics: { rule: string; file: string; line: number; message: string }[];
      };
      const found = diagnostics.map((d) => [d.file.replace(`${dir}/migrations/`, ''), d.rule, d.line]);
      expect(found).toContainEqual(['001_nul.sql', 'ban-drop-table', 3]);
      const notText = diagnostics.filter((d) => d.message.startsWith('The file holds NUL bytes'));
      expect(notText.map((d) => [d.file.replace(`${dir}/migrations/`, ''), d.line])).toEqual([
        ['001_nul.sql', 2],
        ['002_utf16.sql', 1],
      ]);
    }
  }, 60_000);
});

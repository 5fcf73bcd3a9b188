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
    expect(where('000001_bytes.up.sql')).toEqual([['syntax-error', 1]]);
    expect(where('000002_empty.up.sql')).toEqual([]);
    expect(where('000003_cut.up.sql')).toEqual([['syntax-error', 2]]);
    expect(where('000004_missing.up.sql')).toEqual([['statement-failed', 1]]);
    expect(where('000005_good.up.sql')).toEqual([['require-concurrent-index', 1]]);
  });
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import { N1_LOG } from './support/n1-log.js';

const MAIN = 'dist/cli/main.js';

/**
 * The built CLI (npm run build) with `input` piped into its standard input, as a shell pipe would:
 * the in-process runner shares the test worker's stdin, which cannot be written to.
 */
async function piped(
  input: string | Buffer,
  ...argv: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const child = spawn(process.execPath, [MAIN, ...argv]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

const found = (stdout: string) =>
  JSON.parse(stdout).diagnostics.map((d: { rule: string; file?: string; line?: number }) => [
    d.rule,
    d.file,
    d.line,
  ]);

describe('- reads standard input, named <stdin> in findings (it was "not found: -")', () => {
  it('lint -: one migration, on the engine and with --static, with its code frame', async () => {
    const migration = 'CREATE INDEX posts_title_idx ON posts (title);\n';
    for (const mode of [[], ['--static']]) {
      const json = await piped(
        migration,
        'lint',
        '-',
        '--schema',
        'examples/blog/schema.sql',
        '--format',
        'json',
        ...mode,
      );
      expect(json.stderr).toBe('');
      expect(found(json.stdout)).toEqual([['require-concurrent-index', '<stdin>', 1]]);
      expect(json.code).toBe(1);
    }
    const text = await piped(migration, 'lint', '-', '--schema', 'examples/blog/schema.sql', '--static');
    expect(text.stdout).toContain('<stdin>:1:1  error  require-concurrent-index');
    expect(text.stdout).toContain('1 | CREATE INDEX posts_title_idx ON posts (title);');
  }, 60_000);

  it('explain -: SQL or a plan, named <stdin> where it names the file', async () => {
    const sql = await piped('SELECT id FROM nowhere;\n', 'explain', '-');
    expect(sql.stderr).toBe(
      'pgvigil: <stdin>:1: PostgreSQL rejected the query: relation "nowhere" does not exist\n',
    );
    expect(sql.code).toBe(2);
    const plan = await piped('Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)\n', 'explain', '-');
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('<stdin>  read from the plan file');
    expect(plan.code).toBe(0);
  }, 60_000);

  it('n1 -: a log as it comes, gzip too', async () => {
    for (const input of [N1_LOG, gzipSync(N1_LOG)]) {
      const run = await piped(input, 'n1', '-', '--format', 'json');
      expect(run.stderr).toBe('');
      expect(found(run.stdout)).toEqual([['n-plus-one', '<stdin>', 2]]);
    }
  }, 60_000);

  it('pooling -: SQL', async () => {
    const run = await piped('SET search_path = app;\n', 'pooling', '-', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(found(run.stdout)).toEqual([['ban-session-set', '<stdin>', 1]]);
  }, 60_000);

  it('advise - (queries) and advise --log - (a log)', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint);\n',
    });
    const schema = ['--schema', `${dir}/schema.sql`, '--rows', '1000'];
    const index = 'CREATE INDEX CONCURRENTLY comments_post_id_idx ON public.comments';
    const queries = await piped('SELECT * FROM comments WHERE post_id = $1;\n', 'advise', '-', ...schema);
    expect(queries.stderr).toBe('');
    expect(queries.stdout).toContain(index);
    expect(queries.stdout).toContain('<stdin>:1');
    const log = await piped(N1_LOG, 'advise', '--log', '-', ...schema);
    expect(log.stderr).toBe('');
    expect(log.stdout).toContain(index);
    expect(log.stdout).toContain('distinct statements of <stdin>');
  }, 120_000);
});

describe('- where standard input cannot be what is asked for', () => {
  it.each([
    [
      ['check', '-'],
      'check takes a project directory, which standard input (-) cannot be; pgvigil lint - reads one migration from it.',
    ],
    [
      ['verify', '-'],
      'verify takes a migrations directory, which standard input (-) cannot be: up, down and up again need each migration’s steps. pgvigil lint - reads one migration from it.',
    ],
    [
      ['lint', 'examples/blog/migrations', '--schema', '-'],
      "--schema -: standard input is read only as the command's input (explain's query or plan, a log, a migration or SQL file); give --schema a file.",
    ],
    [
      ['lint', '--static', 'examples/blog/migrations', '-o', '-'],
      '--output -: the report goes to stdout when --output is left out; give -o a file.',
    ],
    [['n1', '-', '-'], 'standard input (-) is given twice; it can be read once.'],
    [['advise', '-', '--log', '-'], 'standard input (-) is given twice; it can be read once.'],
  ])('%j is one line saying so', async (argv, line) => {
    const run = await cli(...argv);
    expect(run.stderr).toBe(`pgvigil: ${line}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';

const LINT = ['lint', '--static', 'examples/blog/migrations'];

/** Exactly one line on stderr, exit code 2, and nothing on stdout. */
async function refusal(...argv: string[]): Promise<string> {
  const run = await cli(...argv);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  return run.stderr;
}

describe('an option written wrong', () => {
  it.each([
    [
      ['--format', '--quiet'],
      'pgvigil: --format is missing its value: the argument after it starts with a dash (a value that does is written --format=-value). Run pgvigil --help for the options.\n',
    ],
    [['-o'], 'pgvigil: --output is missing its value. Run pgvigil --help for the options.\n'],
    [['--bogus'], 'pgvigil: unknown option --bogus. Run pgvigil --help for the options.\n'],
  ])('%j is one line naming the option', async (extra, line) => {
    expect(await refusal(...LINT, ...extra)).toBe(line);
  });
});

describe('a count of 0 where it would leave nothing to show', () => {
  it.each([
    [
      ['top', '--db', 'postgres://localhost/app', '--limit', '0'],
      '--limit 0 would show nothing; give at least 1.',
    ],
    [
      ['advise', 'examples/blog/queries', '--max-indexes', '0'],
      '--max-indexes 0 would suggest nothing; give at least 1.',
    ],
  ])('%j is refused before anything runs', async (argv, line) => {
    expect(await refusal(...argv)).toBe(`pgvigil: ${line}\n`);
  });
});

describe('an option given an empty value (an unset shell variable)', () => {
  it.each([
    [['explain', 'SELECT 1', '--db', ''], 'db'],
    [[...LINT, '-o', ''], 'output'],
    [[...LINT, '--schema', ''], 'schema'],
    [[...LINT, '--config', ''], 'config'],
  ])('%j is refused, not taken as the option left out', async (argv, name) => {
    expect(await refusal(...argv)).toBe(
      `pgvigil: --${name} is given an empty value; give one (an unset shell variable expands to nothing).\n`,
    );
  });

  it('an empty --log-prefix is a log_line_prefix like any other', async () => {
    const run = await cli('n1', 'examples/blog/app', '--log-prefix', '');
    expect(run.stderr).toBe('');
  });
});

describe('an option of explain and advise given to another command', () => {
  it.each([
    [
      ['check', 'examples/blog', '--rows', '1000000000000'],
      "--rows applies to explain and advise only (the embedded engine's synthetic data), not to check.",
    ],
    [
      ['lint', ...LINT.slice(1), '--distribution', 'posts.status=zipf'],
      "--distribution applies to explain and advise only (the embedded engine's synthetic data), not to lint.",
    ],
    [
      ['verify', 'examples/blog/migrations', '--stats', 'stats.json'],
      "--stats applies to explain and advise only (the embedded engine's synthetic data), not to verify.",
    ],
    [['explain', 'SELECT 1', '--table', 'posts'], '--table applies to stats export only, not to explain.'],
  ])('%j is refused in one line, not ignored without a word', async (argv, line) => {
    expect(await refusal(...argv)).toBe(`pgvigil: ${line}\n`);
  });
});

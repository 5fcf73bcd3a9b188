import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';

const PASSWORD = 's3cret-pw';

/** Every command that takes --db, with the arguments it needs besides it. */
const COMMANDS: readonly (readonly string[])[] = [
  ['explain', 'SELECT 1'],
  ['advise'],
  ['top'],
  ['stats', 'export'],
  ['health'],
  ['pooling'],
  ['lint', 'examples/blog/migrations'],
  ['lint', '--trace', 'examples/blog/migrations'],
  ['verify', 'examples/blog/migrations'],
  ['check', 'examples/blog'],
];

/** One line on stderr, exit code 2, no stack trace and never the password. */
async function expectUrlRefused(argv: readonly string[], says: RegExp): Promise<void> {
  const run = await cli(...argv);
  expect(run.stderr).toMatch(says);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toContain(PASSWORD);
  expect(run.code).toBe(2);
}

describe('a --db value that is no usable connection URL', () => {
  it.each(COMMANDS)(
    '%s: a URL node-postgres cannot parse is named without its password',
    async (...command) => {
      await expectUrlRefused(
        [...command, '--db', `postgres://bob:${PASSWORD}@db.example:notaport/app`],
        /^pgvigil: postgres:\/\/bob:\*\*\*@db\.example:notaport\/app is not a valid connection URL: write it as postgres:\/\//,
      );
    },
  );

  it.each(COMMANDS)(
    '%s: a key=value string is refused before any connection, and not echoed',
    async (...command) => {
      await expectUrlRefused(
        [...command, '--db', `host=db.example password=${PASSWORD}`],
        /^pgvigil: the connection string is not a postgres:\/\/ URL: write it as postgres:\/\/user:password@host:5432\/database/,
      );
    },
  );
});

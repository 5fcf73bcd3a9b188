import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const MIGRATIONS = 'examples/blog/migrations';

/** The one line on stderr of a run that must stop with exit code 2. */
async function refusal(...argv: string[]): Promise<string> {
  const run = await cli(...argv);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  return run.stderr;
}

describe('a path that is there but is not what the option takes', () => {
  it('a directory as --schema is named as a directory, not "not found", in every command that loads one', async () => {
    const dir = await tempProject({ 'schema/a.sql': 'CREATE TABLE a (id int);\n' });
    for (const argv of [
      ['lint', MIGRATIONS],
      ['lint', '--static', MIGRATIONS],
      ['verify', MIGRATIONS],
      ['check', 'examples/blog'],
      ['explain', 'SELECT 1'],
    ])
      expect(await refusal(...argv, '--schema', `${dir}/schema`)).toBe(
        `pgvigil: ${dir}/schema is a directory, not a file; check the path${argv[0] === 'check' ? ' or the config file' : ''}.\n`,
      );
  }, 60_000);

  it('a file where the config names the queries folder is named as a file', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE a (id int);\n',
      'queries.sql': 'SELECT 1;\n',
      'pgvigil.config.json': '{ "queries": "queries.sql" }',
    });
    expect(await refusal('check', dir)).toBe(
      `pgvigil: ${dir}/queries.sql is a file, not a directory; check the path or the config file.\n`,
    );
  });

  it('a named pipe as a migration is named as one, not "not found"', async () => {
    const dir = await tempProject({});
    execFileSync('mkfifo', [`${dir}/001.sql`]);
    expect(await refusal('lint', '--static', `${dir}/001.sql`)).toBe(
      `pgvigil: ${dir}/001.sql is a pipe, socket or device, not a regular file; check the path.\n`,
    );
  });

  it('health --db-file: a directory is named as one, and a line that is no URL by its line number', async () => {
    const dir = await tempProject({
      'urls.txt': '# production\npostgres://app@127.0.0.1:1/app\n\nhost=db password=s3cret\n',
    });
    expect(await refusal('health', '--db-file', dir)).toBe(
      `pgvigil: ${dir} is a directory; --db-file takes a file of connection URLs, one a line.\n`,
    );
    const line = await refusal('health', '--db-file', `${dir}/urls.txt`);
    expect(line).toMatch(
      new RegExp(`^pgvigil: ${dir}/urls\\.txt:4: the connection string is not a postgres:// URL`),
    );
    expect(line).not.toContain('s3cret');
  });
});

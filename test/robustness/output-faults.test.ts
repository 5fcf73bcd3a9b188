import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';

const MIGRATIONS = 'examples/blog/migrations';

/** A user-fixable failure is one line on stderr, exit code 2, and no stack trace. */
function expectOneLineFailure(run: { code: number; stderr: string }, says: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(says);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain('internal error');
}

describe('writing the report fails', () => {
  it('says the disk is full (/dev/full answers every write with ENOSPC)', async () => {
    const run = await cli('lint', MIGRATIONS, '--static', '--output', '/dev/full');
    expectOneLineFailure(
      run,
      /could not write the report to \/dev\/full: no space left on the device \(ENOSPC\)/,
    );
  });

  it('names a path that cannot exist', async () => {
    const run = await cli('lint', MIGRATIONS, '--static', '--output', '/proc/no-such-dir/report.json');
    expectOneLineFailure(run, /\/proc\/no-such-dir\/report\.json: no such file or directory \(ENOENT\)/);
  });
});

import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

describe('a log with no line in it (just rotated, nothing logged yet)', () => {
  it('holds no query, which is no mistake: n1 was exit 2, "no line matches a common log_line_prefix"', async () => {
    const dir = await tempProject({ 'postgresql.log': '', 'blank.log': '\n\n  \n' });
    await writeFile(`${dir}/postgresql.log.gz`, gzipSync(''));
    for (const log of ['postgresql.log', 'blank.log', 'postgresql.log.gz']) {
      const run = await cli('n1', `${dir}/${log}`);
      expect(run.stderr, log).toBe('');
      expect(run.code, log).toBe(0);
    }
  });

  it('a log with lines none of which is a log line is still refused', async () => {
    const dir = await tempProject({ 'odd.log': 'hello\n' });
    const run = await cli('n1', `${dir}/odd.log`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no line matches a common log_line_prefix');
  });
});

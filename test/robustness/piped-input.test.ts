import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';
import { N1_LOG } from './support/n1-log.js';

/**
 * A named pipe that `text` is written into once a reader opens it, as the shell hands over
 * `<(kubectl logs …)`: it can be read once, from the start, and has no position to read at.
 */
async function pipeOf(text: string, name = 'postgresql.log'): Promise<string> {
  const fifo = join(await tempProject({}), name);
  execFileSync('mkfifo', [fifo]);
  createWriteStream(fifo).end(text);
  return fifo;
}

describe('a log given as a pipe', () => {
  it('n1 reads it (no ESPIPE internal error from reading it twice)', async () => {
    const fifo = await pipeOf(N1_LOG);
    const run = await cli('n1', fifo, '--format', 'json');
    expect(run.stderr).toBe('');
    const found = JSON.parse(run.stdout).diagnostics.map((d: { rule: string; line: number }) => [
      d.rule,
      d.line,
    ]);
    expect(found).toEqual([['n-plus-one', 2]]);
  });

  it('n1 reads a pipe named .json as a log: a trace is told by looking into the file, which a pipe cannot give twice', async () => {
    const jsonlog = N1_LOG.split('\n')
      .filter(Boolean)
      .map((line) => {
        const [, time, pid, statement] = /^(.+ UTC) \[(\d+)\] LOG: {2}statement: (.*)$/.exec(line) ?? [];
        return JSON.stringify({
          timestamp: time,
          pid: Number(pid),
          error_severity: 'LOG',
          message: `statement: ${statement}`,
        });
      })
      .join('\n');
    const fifo = await pipeOf(`${jsonlog}\n`, 'postgresql.json');
    const run = await cli('n1', fifo, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['n-plus-one']);
  });

  it('advise --log reads it (it was refused as "no such file")', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint);\n',
    });
    const fifo = await pipeOf(N1_LOG);
    const run = await cli('advise', '--log', fifo, '--schema', `${dir}/schema.sql`, '--rows', '1000');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('CREATE INDEX CONCURRENTLY comments_post_id_idx ON public.comments');
  }, 60_000);

  it('advise --log with a directory says it is one', async () => {
    const dir = await tempProject({});
    const run = await cli('advise', '--log', dir);
    expect(run.stderr).toBe(
      `pgvigil: ${dir} is a directory; --log takes one PostgreSQL log (stderr, csvlog or jsonlog).\n`,
    );
    expect(run.code).toBe(2);
  });
});

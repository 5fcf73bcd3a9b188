import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MAIN = 'dist/cli/main.js';

/**
 * The CLI users run is the esbuild bundle (scripts/bundle-cli.ts), not the sources the other tests
 * import: files it loads by URL (verify's worker thread) must be beside its chunks. `npm ci` builds
 * it (prepare); locally, `npm run build` first.
 */
async function pgvigil(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  return run(process.execPath, [MAIN, ...argv], { maxBuffer: 32 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('the built CLI', () => {
  it('verify runs its worker thread: the deliberately lossy down of examples/blog is found', async () => {
    const result = await pgvigil(
      'verify',
      'examples/blog/migrations',
      '--schema',
      'examples/blog/schema.sql',
      '--format',
      'json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout).diagnostics.map((d: { rule: string }) => d.rule);
    expect(rules).toContain('reversibility-data-loss');
  }, 120_000);

  it("n1 loads the TypeScript compiler for code, and finds the blog app's loop", async () => {
    const result = await pgvigil('n1', 'examples/blog/app', '--format', 'json');
    expect(result.stderr).toBe('');
    const found = JSON.parse(result.stdout).diagnostics.map((d: { rule: string; file: string }) => d.rule);
    expect(found).toEqual(['no-query-in-loop']);
  }, 60_000);

  it('lint --static answers without the engine', async () => {
    const result = await pgvigil('lint', 'examples/blog/migrations', '--static', '--format', 'json');
    expect(result.code).toBe(1);
    const rules = JSON.parse(result.stdout).diagnostics.map((d: { rule: string }) => d.rule);
    expect(rules).toContain('require-concurrent-index');
  }, 60_000);
});

describe('the built CLI with a reader that stops early', () => {
  it('drops the rest of the output without a stack trace and keeps the exit code (pgvigil lint | head)', async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    const child = spawn(process.execPath, [
      MAIN,
      'lint',
      '--static',
      '../shared/corpus/migrations/synapse-deltas',
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Like head: read the first chunk, then close the pipe with most of the report unread.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 60_000);
});

describe('the built CLI writing to a full disk', () => {
  it('says so in one line with exit code 2 (pgvigil lint > report.txt), not a stack trace with exit code 1', async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [MAIN, 'lint', '--static', 'examples/blog/migrations'], {
        stdio: ['ignore', full, 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe(
        'pgvigil: could not write the report to stdout: no space left on the device (ENOSPC). Free space, or give --output a file elsewhere.\n',
      );
      expect(code).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});

describe('the built package', () => {
  it('resolves its library entry points by name, as a user imports them (package.json exports)', async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    const script = `
      const runtime = await import('pgvigil/runtime');
      const main = await import('pgvigil');
      const eslint = (await import('pgvigil/eslint-plugin')).default;
      console.log(JSON.stringify([typeof runtime.detectNPlusOne, typeof runtime.watchQueries, typeof main.runCheck, eslint.meta.name, typeof eslint.rules['no-query-in-loop'].create]));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual(['function', 'function', 'function', 'pgvigil', 'function']);
  });
});

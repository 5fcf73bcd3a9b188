import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * node:test, Node's own runner: the fixture imports `pgvigil/runtime` by name, from dist/ (built by
 * npm ci's prepare; locally npm run build first), and runs with `node --test`.
 */
describe('the runtime detector under node:test (PGlite)', () => {
  it('fails on the loop, passes a batched load, and watchQueries works in beforeEach/afterEach', async () => {
    if (!existsSync('dist/runtime/index.js')) throw new Error('dist/ is missing: run npm run build first');
    const { stdout } = await run(
      process.execPath,
      ['--test', '--test-reporter=tap', 'test/fixtures/node-test/n-plus-one.test.mjs'],
      { maxBuffer: 8 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`node --test failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    const passed = [...stdout.matchAll(/^\s*ok \d+ - (.+)$/gm)].map((match) => match[1]);
    expect(passed).toEqual([
      'detectNPlusOne throws an NPlusOneError at the loop line',
      'a batched load passes and returns what the callback returned',
      'sees the queries of the test, and check() throws on the loop',
      'watchQueries in beforeEach/afterEach',
    ]);
    expect(stdout).toMatch(/^# fail 0$/m);
  }, 120_000);
});

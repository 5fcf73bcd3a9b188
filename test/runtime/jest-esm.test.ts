import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PROJECT = 'test/fixtures/jest-esm';

interface JestReport {
  readonly numFailedTests: number;
  readonly testResults: readonly {
    readonly assertionResults: readonly { readonly fullName: string; readonly status: string }[];
  }[];
}

/**
 * Jest runs ES modules only in its ESM mode (node --experimental-vm-modules), each test file in a
 * VM context of its own: the detector's patched methods, AsyncLocalStorage scope and NPlusOneError
 * class must all work there. The fixture imports `pgvigil/runtime` by name, from dist/ (built by
 * npm ci's prepare; locally npm run build first).
 */
describe('the runtime detector under Jest (ESM mode, PGlite)', () => {
  it('fails on the loop, passes a batched load, and watchQueries works in beforeEach/afterEach', async () => {
    if (!existsSync('dist/runtime/index.js')) throw new Error('dist/ is missing: run npm run build first');
    const { stdout } = await run(
      process.execPath,
      [
        '--experimental-vm-modules',
        'node_modules/jest/bin/jest.js',
        '--rootDir',
        PROJECT,
        '--config',
        `${PROJECT}/jest.config.json`,
        '--json',
        '--silent',
      ],
      { maxBuffer: 8 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`jest failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    const report = JSON.parse(stdout) as JestReport;
    const results = report.testResults.flatMap((file) => file.assertionResults);
    expect(results.map((result) => `${result.status} ${result.fullName}`)).toEqual([
      'passed detectNPlusOne throws an NPlusOneError at the loop line',
      'passed a batched load passes and returns what the callback returned',
      'passed watchQueries in beforeEach/afterEach sees the queries of the test, and check() throws on the loop',
    ]);
    expect(report.numFailedTests).toBe(0);
  }, 120_000);
});

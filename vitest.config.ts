import { defineConfig } from 'vitest/config';
import { CLI_V8_FLAGS } from './src/cli/v8-flags.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup-each-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy (WASM); two cores, so keep parallelism modest.
    pool: 'forks',
    // WebAssembly on Liftoff only, as the CLI runs it (src/cli/v8-flags.ts): much less CPU per engine.
    poolOptions: { forks: { maxForks: 2, minForks: 1, execArgv: [CLI_V8_FLAGS] } },
  },
});

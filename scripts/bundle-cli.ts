import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Replaces tsc's dist/cli/main.js with a bundle of the CLI: one file per command instead of about
 * 200 modules to resolve, read and compile, ~0.2 s of every run. The library (dist/index.js) stays
 * tsc's output. Chunks sit beside main.js, at the depth src/ and dist/ modules have, because
 * version.ts and pglite-snapshot.ts find package.json and the snapshot relative to their own URL.
 * Packages stay external: libpg-query and PGlite locate their .wasm files relative to themselves,
 * and code splitting keeps them (and pg) loading only in the commands that use them.
 */
const OUT_DIR = 'dist/cli';
const CHUNK_PREFIX = 'bundle-';

for (const name of readdirSync(OUT_DIR)) {
  // tsc's map would describe a main.js that is no longer there.
  if (name.startsWith(CHUNK_PREFIX) || name === 'main.js.map') rmSync(join(OUT_DIR, name));
}

await build({
  // Worker threads are loaded by URL beside the chunk that starts them (src/util/open-worker.ts):
  // verify's embedded engine, check's code analysis.
  entryPoints: {
    main: 'src/cli/main.ts',
    'verify-worker': 'src/verify/verify-worker.ts',
    'code-worker': 'src/nplusone/code-worker.ts',
  },
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
  logLevel: 'warning',
});

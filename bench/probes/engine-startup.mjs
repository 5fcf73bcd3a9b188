// Opens and closes the embedded engine from dist/ once; prints where the time went as one JSON line.
// performance.now() counts from this process's start, so `readyMs` includes node's own start-up.
import { performance } from 'node:perf_hooks';

const root = new URL('../../', import.meta.url);
const beforeImport = performance.now();
// The V8 flags the CLI sets before anything compiles WebAssembly: the engine as pgvigil starts it.
const { applyCliV8Flags } = await import(new URL('dist/cli/v8-flags.js', root).href);
applyCliV8Flags();
const { openPglite } = await import(new URL('dist/engine/pglite.js', root).href);
const beforeOpen = performance.now();
const engine = await openPglite();
const opened = performance.now();
await engine.close();
const closed = performance.now();
const figures = {
  importMs: beforeOpen - beforeImport,
  openMs: opened - beforeOpen,
  readyMs: opened,
  closeMs: closed - opened,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);

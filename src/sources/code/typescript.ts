import { createRequire } from 'node:module';
import type * as TS from 'typescript';

/*
 * typescript is one CommonJS file of 9 MB. An ESM import of it makes Node run its CJS export
 * scanner over all of it first (about a second of CPU, on every `n1` run, logs included): require
 * loads it directly. Types come from `import type * as TS from 'typescript'`, which leaves no import.
 */
export const ts: typeof TS = createRequire(import.meta.url)('typescript');

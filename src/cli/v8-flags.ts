import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for a pgvigil process. Both engines are WebAssembly (the Postgres parser, 1.7 MB; PGlite,
 * far larger), and by default V8 recompiles their hot functions with TurboFan in the background: for
 * a run of seconds that recompilation costs more CPU than it ever saves (`check examples/blog`:
 * 4.7 s of CPU with it, 1.9 s without; a 346-version semantic lint: 13 s, 9.8 s). Liftoff, the
 * baseline compiler, is all a CLI run needs. Flags apply to modules compiled after they are set.
 */
export const CLI_V8_FLAGS = '--liftoff-only';

/** Set before any WebAssembly compiles: the CLI's first step. The library leaves the host's V8 alone. */
export function applyCliV8Flags(): void {
  setFlagsFromString(CLI_V8_FLAGS);
}

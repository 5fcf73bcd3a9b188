#!/usr/bin/env node
import { applyCliV8Flags } from './v8-flags.js';

applyCliV8Flags();
// A reader that stops early (`pgvigil lint … | head`, also with 2>&1) is no failure of the run and no
// reason for a stack trace: the rest of the output is dropped and the exit code stays the run's own.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
// Loaded after the flags are set, so that no module compiles WebAssembly before they apply.
const { runCli } = await import('./run.js');
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY === true,
});
process.exitCode = code;

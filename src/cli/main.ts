#!/usr/bin/env node
import { applyCliV8Flags } from './v8-flags.js';

applyCliV8Flags();
// Loaded after the flags are set, so that no module compiles WebAssembly before they apply.
const { runCli } = await import('./run.js');
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY === true,
});
process.exitCode = code;

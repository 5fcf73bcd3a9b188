#!/usr/bin/env node
import { EXIT_USAGE } from './exit-code.js';
import { systemErrorLine } from './system-error.js';
import { applyCliV8Flags } from './v8-flags.js';

applyCliV8Flags();
// A reader that stops early (`pgvigil lint … | head`, also with 2>&1) is no failure of the run and no
// reason for a stack trace: the rest of the output is dropped and the exit code stays the run's own.
// Any other failure to write stdout (`> report.txt` on a full disk) is one line, and exit code 2: the
// report is lost.
let stdoutFailed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || stdoutFailed) return;
  stdoutFailed = true;
  const line = systemErrorLine(error, 'could not write the report to stdout') ?? error.message;
  process.stderr.write(`pgvigil: ${line} Free space, or give --output a file elsewhere.\n`);
  process.exitCode = EXIT_USAGE;
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
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
// The failed write may be reported only after the run ends: its handler sets the code then.
if (!stdoutFailed) process.exitCode = code;

// The floor of any libpg-query-based linter: start node, load the parser's WASM (Liftoff only, as
// the CLI does), read and parseSync every file given. No splitting, no rules, no report.
require('node:v8').setFlagsFromString('--liftoff-only');
const { readFileSync } = require('node:fs');
const { loadModule, parseSync } = require('libpg-query');

loadModule().then(() => {
  let statements = 0;
  for (const file of process.argv.slice(2)) {
    try {
      statements += parseSync(readFileSync(file, 'utf8')).stmts?.length ?? 0;
    } catch {
      // A file PostgreSQL rejects costs its parse all the same.
    }
  }
  process.stdout.write(`${JSON.stringify({ statements })}\n`);
});

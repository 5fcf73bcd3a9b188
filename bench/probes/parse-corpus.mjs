// Splits and parses every file of one folder with dist/'s splitStatements; prints figures as one JSON line.
// Reading the files and loading the parser's WASM are timed apart from the parsing itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('../../', import.meta.url);
const { initSql } = await import(new URL('dist/sql/parser.js', root).href);
const { splitStatements } = await import(new URL('dist/sql/split.js', root).href);

const dir = process.argv[2];
if (!dir) throw new Error('usage: parse-corpus.mjs <folder>');
const names = readdirSync(dir)
  .filter((name) => /\.(sql|postgres)$/.test(name))
  .sort();
const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

const beforeInit = performance.now();
await initSql();
const beforeParse = performance.now();
let statements = 0;
let diagnostics = 0;
for (const file of files) {
  const result = splitStatements(file.text, file.name);
  statements += result.statements.length;
  diagnostics += result.diagnostics.length;
}
const parsed = performance.now();
const figures = {
  files: files.length,
  bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
  statements,
  diagnostics,
  initMs: beforeParse - beforeInit,
  parseMs: parsed - beforeParse,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);

/**
 * Counts by rule on real migrations, pgvigil beside squawk on the same files, written into
 * docs/corpus-counts.md between its markers (the explanations around them are prose, kept).
 * Run: npm run build && node --import tsx bench/corpus/corpus-counts.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listMigrations } from '../../src/sources/migrations/list-migrations.js';
import { corpusDir } from '../cases/parse-synapse.js';
import { synapseFiles } from '../cases/static-synapse.js';

const root = resolve(import.meta.dirname, '..', '..');
const doc = join(root, 'docs', 'corpus-counts.md');
const START = '<!-- counts:start -->';
const END = '<!-- counts:end -->';

type Counts = ReadonlyMap<string, number>;

function tally(rules: readonly string[]): Counts {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return counts;
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function pgvigil(args: readonly string[]): Counts {
  const out = JSON.parse(
    run(process.execPath, [join(root, 'dist/cli/main.js'), 'lint', ...args, '--format', 'json']),
  );
  return tally(out.diagnostics.map((d: { rule: string }) => d.rule));
}

/** squawk's JSON reporter: one object per violation, with its rule_name. */
function squawk(files: readonly string[]): Counts {
  const out = JSON.parse(
    run(join(root, 'node_modules/.bin/squawk'), ['--reporter', 'json', ...files]) || '[]',
  );
  return tally(out.map((v: { rule_name: string }) => v.rule_name));
}

function table(columns: readonly [string, Counts][]): string {
  const rules = [...new Set(columns.flatMap(([, counts]) => [...counts.keys()]))].sort();
  const head = `| rule | ${columns.map(([name]) => name).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const rows = rules.map((r) => `| ${r} | ${columns.map(([, c]) => c.get(r) ?? '').join(' | ')} |`);
  const totals = `| **total** | ${columns.map(([, c]) => [...c.values()].reduce((a, b) => a + b, 0)).join(' | ')} |`;
  return [head, rule, ...rows, totals].join('\n');
}

const synapse = join(corpusDir(root), 'migrations', 'synapse-deltas');
const kratos = join(corpusDir(root), 'migrations', 'kratos');
const kratosUps = (await listMigrations(kratos)).map((m) => m.up.file);
const synapseTable = table([
  ['pgvigil --static', pgvigil(['--static', synapse])],
  ['squawk', squawk(synapseFiles(root))],
]);
const kratosTable = table([
  ['pgvigil (semantic)', pgvigil([kratos])],
  ['pgvigil --static', pgvigil(['--static', kratos])],
  ['squawk', squawk(kratosUps)],
]);
const block = [
  START,
  `Synapse deltas (${synapseFiles(root).length} files):`,
  '',
  synapseTable,
  '',
  `Kratos (${kratosUps.length} up steps, as the pop loader picks them; squawk gets the same files):`,
  '',
  kratosTable,
  END,
].join('\n');
const text = readFileSync(doc, 'utf8');
const at = text.indexOf(START);
const end = text.indexOf(END);
writeFileSync(
  doc,
  at < 0 || end < 0 ? `${text}\n${block}\n` : `${text.slice(0, at)}${block}${text.slice(end + END.length)}`,
);
process.stdout.write(`${block}\n`);

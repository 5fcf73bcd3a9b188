import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchCase, BenchRow, BenchSection } from './case.js';
import { accuracy } from './cases/accuracy.js';
import { advisor } from './cases/advisor.js';
import { checkBlogCold } from './cases/check-blog-cold.js';
import { engineStartup } from './cases/engine-startup.js';
import { lintKratos } from './cases/lint-kratos.js';
import { logsMemory } from './cases/logs-memory.js';
import { logsPgbadger } from './cases/logs-pgbadger.js';
import { n1Accuracy } from './cases/n1-accuracy.js';
import { parseSynapse } from './cases/parse-synapse.js';
import { pgbenchLoad } from './cases/pgbench-load.js';
import { schemaRulesCase } from './cases/schema-rules.js';
import { staticOneFile, staticSynapse, staticSynapseParserFloor } from './cases/static-synapse.js';
import { verifyKratos, verifyKratosSummary } from './cases/verify-kratos.js';
import { readPublished } from './history.js';
import { loadAverage, machineInfo, versions } from './machine.js';
import { DEFAULT_RUNS } from './measure.js';
import { rssMethodFor } from './peak-rss.js';
import { type BenchReport, regressionSection, renderMarkdown, resultsTable, rowNotes } from './report.js';

const CASES: readonly BenchCase[] = [
  checkBlogCold,
  engineStartup,
  parseSynapse,
  schemaRulesCase,
  lintKratos,
  staticSynapse,
  staticSynapseParserFloor,
  staticOneFile,
  verifyKratos,
  verifyKratosSummary,
  accuracy,
  advisor,
  logsPgbadger,
  logsMemory,
  pgbenchLoad,
  n1Accuracy,
];
const USAGE = `usage: npm run bench -- [--runs N] [--dry-run] [case ...]
cases: ${CASES.map((c) => c.name).join(', ')}; naming cases (or --dry-run) prints without writing BENCHMARKS.md`;

function fail(message: string, code: number): never {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exit(code);
}

function options() {
  try {
    const { values, positionals } = parseArgs({
      options: { runs: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (values.help) fail(USAGE, 0);
    const runs = Number(values.runs ?? DEFAULT_RUNS);
    if (!Number.isInteger(runs) || runs < 1) fail(`bench: --runs wants a whole number ≥ 1\n${USAGE}`, 2);
    const unknown = positionals.filter((name) => !CASES.some((c) => c.name === name));
    if (unknown.length > 0) fail(`bench: no case named ${unknown.join(', ')}\n${USAGE}`, 2);
    const cases = positionals.length === 0 ? CASES : CASES.filter((c) => positionals.includes(c.name));
    return { runs, cases, write: positionals.length === 0 && !values['dry-run'] };
  } catch (error) {
    return fail(`bench: ${(error as Error).message}\n${USAGE}`, 2);
  }
}

const root = resolve(import.meta.dirname, '..');
const { runs, cases, write } = options();
if (!existsSync(join(root, 'dist/cli/main.js')))
  fail('bench: dist/cli/main.js is missing; run `npm run build` first.', 2);

const target = join(root, 'BENCHMARKS.md');
const loadBefore = loadAverage();
const rows: BenchRow[] = [];
const skipped: { name: string; reason: string }[] = [];
const sections: BenchSection[] = [];
for (const benchCase of cases) {
  process.stderr.write(`bench: ${benchCase.name} (${runs} timed run${runs === 1 ? '' : 's'})…\n`);
  const result = await benchCase.run({ root, runs });
  if (result.kind === 'rows') rows.push(...result.rows);
  else if (result.kind === 'section') sections.push(result);
  else skipped.push({ name: benchCase.name, reason: result.reason });
}

const report: BenchReport = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  machine: machineInfo(),
  versions: versions(root),
  loadBefore,
  loadAfter: loadAverage(),
  rssMethod: rssMethodFor({ command: process.execPath, args: [], cwd: root }),
  rows,
  sections,
  skipped,
  published: readPublished(existsSync(target) ? readFileSync(target, 'utf8') : ''),
};
const load = `load average ${report.loadBefore} before, ${report.loadAfter} after`;
process.stdout.write(
  `${resultsTable(report)}\n\n${rowNotes(report)}\n${load}\n\n${regressionSection(report)}\n${sections.map((x) => `\n## ${x.title}\n\n${x.markdown}\n`).join('')}`,
);
if (write) {
  writeFileSync(target, renderMarkdown(report));
  process.stdout.write(`bench: wrote ${target}\n`);
}

import type { BenchRow, BenchSection, Measured } from './case.js';
import { change, type Published, publishedComment, REGRESSION_THRESHOLD, regressions } from './history.js';
import type { MachineInfo, Versions } from './machine.js';
import type { RssMethod } from './peak-rss.js';

export interface BenchReport {
  readonly date: string;
  readonly machine: MachineInfo;
  readonly versions: Versions;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly rssMethod: RssMethod;
  readonly rows: readonly BenchRow[];
  /** Results that are not timings, each under its own heading after the figures. */
  readonly sections?: readonly BenchSection[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly published: Published | undefined;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const rss = (measured: Measured) =>
  measured.peakRssMb === undefined ? '—' : `${Math.round(measured.peakRssMb)} MiB`;
const percent = (value: number) => `${value >= 0 ? '+' : ''}${Math.round(value * 100)}%`;

function target(row: BenchRow): string {
  if (row.targetMs === undefined) return '';
  return `${row.pgvigil.figures.median <= row.targetMs ? '✔' : '✖'} ≤ ${Math.round(row.targetMs)} ms`;
}

function table(headers: readonly string[], lines: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [row(headers), row(headers.map(() => '---')), ...lines.map(row)].join('\n');
}

/** The figures as a Markdown table; peer columns appear once some row has a peer. */
export function resultsTable(report: BenchReport): string {
  const peers = report.rows.some((row) => row.peer);
  const headers = ['case', 'median', 'min', 'max', 'runs', 'peak RSS', 'target', 'vs last'];
  const lines = report.rows.map((row) => {
    const { median, min, max, runs } = row.pgvigil.figures;
    const delta = change(row, report.published);
    const cells = [row.name, ms(median), ms(min), ms(max), String(runs), rss(row.pgvigil), target(row)];
    cells.push(delta === undefined ? '' : percent(delta));
    if (peers) {
      const peer = row.peer ? `${row.peer.name} ${ms(row.peer.figures.median)}` : '';
      cells.push(peer, row.ratio === undefined ? '' : row.ratio.toFixed(2));
    }
    return cells;
  });
  return table(peers ? [...headers, 'peer (median)', 'ratio'] : headers, lines);
}

export function regressionSection(report: BenchReport): string {
  const found = regressions(report.rows, report.published);
  const limit = `more than ${REGRESSION_THRESHOLD * 100}% above`;
  if (!report.published) return 'No earlier figures to compare with.';
  if (found.length === 0) return `No median is ${limit} the figures published on ${report.published.date}.`;
  const lines = found.map(
    (r) => `- **${r.name}**: ${ms(r.before)} → ${ms(r.after)} (${percent(r.after / r.before - 1)})`,
  );
  const caution =
    'Other work on the machine (see the load average) can cause a difference this size: rerun on an idle ' +
    'machine, or time both commits alternately, before acting on it.';
  return [
    `Medians ${limit} the figures published on ${report.published.date}:`,
    '',
    ...lines,
    '',
    caution,
  ].join('\n');
}

const RSS_METHODS: Record<RssMethod, string> = {
  'gnu-time': 'GNU time (`/usr/bin/time -f %M`) around each run',
  'node-preload':
    'a `--import` preload that writes `process.resourceUsage().maxRSS` at exit (node commands only)',
  none: 'not measured (no GNU time on this machine)',
};

/** One line per row saying what it measures, and one per skipped case saying why. */
export function rowNotes(report: BenchReport): string {
  const described = report.rows.map(
    (row) => `- **${row.name}**: ${row.what}${row.note ? ` — ${row.note}` : ''}`,
  );
  const skipped = report.skipped.map((s) => `- **${s.name}** skipped: ${s.reason}`);
  return [...described, ...skipped].join('\n');
}

/**
 * Other work on the machine slows every figure. The load after includes the benchmark's own processes
 * (about one busy core), so only a load beyond the cores then says that others were running too.
 */
function busyNote(report: BenchReport): string {
  const [before, after] = [report.loadBefore, report.loadAfter].map((load) => Number.parseFloat(load));
  const cores = report.machine.cores;
  const own = ' The load after includes the benchmark itself.';
  if ((before ?? 0) < cores / 2 && (after ?? 0) <= cores) return own;
  return `${own}\n  **Other work was running** on these ${cores} cores during the run: the figures are slower and
  noisier than on an idle machine.`;
}

export function renderMarkdown(report: BenchReport): string {
  const { machine: m, versions: v } = report;
  return `# Benchmarks

Written by \`npm run bench\` on ${report.date} (after \`npm run build\`; \`npm run bench -- --help\` lists the
options). Figures are reported here, never asserted in tests.

## Machine

- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGib} GiB; ${m.os}
- node ${v.node}, pgvigil ${v.pgvigil} (${v.commit}), PGlite ${v.pglite}, libpg-query ${v.libpgQuery}
- Load average (1, 5, 15 min): ${report.loadBefore} before, ${report.loadAfter} after.${busyNote(report)}

## Results

${resultsTable(report)}

${rowNotes(report)}
${(report.sections ?? []).map((section) => `\n## ${section.title}\n\n${section.markdown}\n`).join('')}
## Regressions

${regressionSection(report)}

## How it is measured

- Every run is a fresh \`node\` child process ("cold" = new process; the OS file cache is warm, because one
  untimed warm-up run comes first). Wall time is from spawn to exit, seen by the parent with \`performance.now()\`.
- In-process figures (engine-startup, parse-synapse) come from small probes in \`bench/probes/\` that import
  the built \`dist/\` and print their own \`performance.now()\` timings.
- Median, min and max are over the timed runs; peak RSS is the largest over them, measured with
  ${RSS_METHODS[report.rssMethod]}.
- \`vs last\` compares each median with the previous published one; more than +${REGRESSION_THRESHOLD * 100}% is listed under
  Regressions. Those figures are kept below as JSON in an HTML comment.

${publishedComment(report.date, report.rows)}
`;
}

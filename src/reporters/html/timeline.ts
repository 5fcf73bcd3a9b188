import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isLockMode } from '../../observe/lock-modes.js';
import { lockName } from '../../rules/migration/observed-table.js';
import { escapeHtml } from './escape.js';

/** One lock span as the lock-timeline finding carries it in its data. */
interface Span {
  readonly table: string;
  readonly lock: string;
  readonly fromLine: number;
  readonly until: number | string;
  readonly lines: readonly number[];
}

type Mark = 'rewrite' | 'scan';

/** Findings that say a statement copied a whole table, or read all of it, under its lock. */
const MARK_RULES: Readonly<Record<Mark, ReadonlySet<string>>> = {
  rewrite: new Set(['observed-rewrite', 'ban-table-rewrite']),
  scan: new Set([
    'observed-table-scan',
    'ban-set-not-null-scan',
    'ban-domain-constraint-scan',
    'require-not-valid-constraint',
  ]),
};

const SNIPPET_LENGTH = 48;

function isSpan(value: unknown): value is Span {
  if (typeof value !== 'object' || value === null) return false;
  const span = value as Record<string, unknown>;
  return (
    typeof span.table === 'string' &&
    typeof span.lock === 'string' &&
    typeof span.fromLine === 'number' &&
    Array.isArray(span.lines) &&
    span.lines.every((line) => typeof line === 'number')
  );
}

/** The spans a lock-timeline finding carries; none when its data is not that shape. */
export function spansOf(diagnostic: Diagnostic): readonly Span[] {
  const spans = diagnostic.data?.spans;
  return Array.isArray(spans) ? spans.filter(isSpan) : [];
}

function snippet(source: string | undefined, line: number): string {
  const text = source?.split(/\r?\n/)[line - 1]?.trim() ?? '';
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH - 1)}…` : text;
}

function records(value: unknown): readonly Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];
}

/** What `lint --trace` saw the statement do to the timeline's tables (its trace-step finding), if it says. */
function observedMarks(d: Diagnostic, tables: ReadonlySet<string>): readonly Mark[] {
  if (d.rule !== 'trace-step') return [];
  const rewritten = Array.isArray(d.data?.rewritten) && d.data.rewritten.some((r) => tables.has(String(r)));
  const scanned = records(d.data?.tables).some(
    (t) => tables.has(String(t.relation)) && typeof t.seqScans === 'number' && t.seqScans > 0,
  );
  return [...(rewritten ? (['rewrite'] as const) : []), ...(scanned ? (['scan'] as const) : [])];
}

function marksAt(
  file: string,
  line: number,
  all: readonly Diagnostic[],
  tables: ReadonlySet<string>,
): string {
  const here = all.filter((d) => d.file === file && d.line === line);
  const marks = new Set<Mark>(here.flatMap((d) => observedMarks(d, tables)));
  for (const [mark, rules] of Object.entries(MARK_RULES) as [Mark, ReadonlySet<string>][])
    if (here.some((d) => rules.has(d.rule))) marks.add(mark);
  return (['rewrite', 'scan'] as const)
    .filter((mark) => marks.has(mark))
    .map((mark) => `<span class="mark ${mark}">${mark}</span>`)
    .join('');
}

function timelineHtml(
  timeline: Diagnostic,
  all: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): string {
  const file = timeline.file ?? '';
  const spans = spansOf(timeline);
  const lines = [...new Set(spans.flatMap((s) => s.lines))].sort((a, b) => a - b);
  const source = sources.get(file);
  const tables = new Set(spans.map((s) => s.table));
  const head = lines.map(
    (line) =>
      `<th class="statement" data-line="${line}"><span class="line">line ${line}</span>${marksAt(file, line, all, tables)}<code>${escapeHtml(snippet(source, line))}</code></th>`,
  );
  const rows = spans.map((span) => {
    const mode = isLockMode(span.lock) ? lockName(span.lock) : span.lock;
    const until =
      typeof span.until === 'number'
        ? `until the COMMIT on line ${span.until}`
        : span.until === 'end of statement'
          ? 'during that statement only (it runs outside a transaction)'
          : 'until the end of the migration';
    const cells = lines.map((line) => {
      const held = span.lines.includes(line);
      const title = held ? ` title="${escapeHtml(`${span.table}: ${mode} held during line ${line}`)}"` : '';
      return `<td class="${held ? (line === span.fromLine ? 'held taken' : 'held') : 'free'}"${title}></td>`;
    });
    return `<tr><th class="lock"><span class="table">${escapeHtml(span.table)}</span> <span class="mode">${escapeHtml(mode)}</span><small>from line ${span.fromLine} ${escapeHtml(until)}</small></th>${cells.join('')}</tr>`;
  });
  return `<article class="timeline"><h3>${escapeHtml(file)}</h3><div class="scroll"><table class="lock-timeline"><thead><tr><th>table · lock</th>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></article>`;
}

/** `lint --trace`: each migration's write-blocking locks against the statements that ran while they were held. */
export function timelinesSection(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): string {
  const timelines = diagnostics.filter((d) => d.rule === 'lock-timeline' && spansOf(d).length > 0);
  if (timelines.length === 0) return '';
  return `<section id="timelines"><h2>Lock timelines</h2><p class="hint">Each row is a lock on a table that existed before the migration; a filled cell means the statement ran while the lock was held, so writes (or reads) on that table waited for it.</p>${timelines.map((t) => timelineHtml(t, diagnostics, sources)).join('')}</section>`;
}

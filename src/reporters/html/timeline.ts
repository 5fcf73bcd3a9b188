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

/** Findings that say a statement copied a whole table, or read all of it, under its lock. */
const MARKS: readonly { readonly kind: 'rewrite' | 'scan'; readonly rules: ReadonlySet<string> }[] = [
  { kind: 'rewrite', rules: new Set(['observed-rewrite', 'ban-table-rewrite']) },
  {
    kind: 'scan',
    rules: new Set([
      'observed-table-scan',
      'ban-set-not-null-scan',
      'ban-domain-constraint-scan',
      'require-not-valid-constraint',
    ]),
  },
];

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

function marksAt(file: string, line: number, all: readonly Diagnostic[]): string {
  return MARKS.filter(({ rules }) => all.some((d) => d.file === file && d.line === line && rules.has(d.rule)))
    .map(({ kind }) => `<span class="mark ${kind}">${kind}</span>`)
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
  const head = lines.map(
    (line) =>
      `<th class="statement" data-line="${line}"><span class="line">line ${line}</span>${marksAt(file, line, all)}<code>${escapeHtml(snippet(source, line))}</code></th>`,
  );
  const rows = spans.map((span) => {
    const mode = isLockMode(span.lock) ? lockName(span.lock) : span.lock;
    const until =
      typeof span.until === 'number'
        ? `until the COMMIT on line ${span.until}`
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

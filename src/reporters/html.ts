import { escapeHtml } from './html/escape.js';
import { findingsSection } from './html/findings.js';
import { page } from './html/page.js';
import { plansSection } from './html/plans.js';
import { groupByPromise } from './html/promise-groups.js';
import { summarySection } from './html/summary.js';
import { timelinesSection } from './html/timeline.js';
import { type Report, type Summary, summarize } from './report.js';

function verdict(summary: Summary, unit: string): { readonly text: string; readonly passed: boolean } {
  const files = `${summary.filesChecked} ${unit}${summary.filesChecked === 1 ? '' : 's'}`;
  const total = summary.errors + summary.warnings + summary.infos;
  if (total === 0) return { text: `✔ no problems in ${files}`, passed: true };
  const counts = `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info`;
  return { text: `✖ ${counts} in ${files}`, passed: summary.errors === 0 && summary.warnings === 0 };
}

function nav(sections: readonly (readonly [string, string])[]): string {
  return `<nav>${sections.map(([id, title]) => `<a href="#${id}">${title}</a>`).join('')}</nav>`;
}

/**
 * One self-contained HTML page: the summary by promise, every finding (filterable, with code frame
 * and copyable SQL), lock timelines of traced migrations and plans as trees. User content is escaped
 * everywhere; the data the script needs travels as JSON.
 */
export interface HtmlPageOptions {
  /** The page's heading; "pgvigil report" by default (the dashboard says what it watches). */
  readonly heading?: string;
  /** Lines shown under the heading as plain text: which servers, when, what was skipped. */
  readonly notes?: readonly string[];
  /** What filesChecked counts: "file" by default, "database" on the dashboard. */
  readonly unit?: string;
}

export function renderHtml(report: Report, options: HtmlPageOptions = {}): string {
  const groups = groupByPromise(report);
  const plans = plansSection(report.plans ?? []);
  const timelines = timelinesSection(report.diagnostics, report.sources);
  const result = verdict(summarize(report), options.unit ?? 'file');
  const sections: (readonly [string, string])[] = [
    ['summary', 'Summary'],
    ...(timelines ? [['timelines', 'Lock timelines'] as const] : []),
    ...(plans.html ? [['plans', 'Query plans'] as const] : []),
    ['findings', 'Findings'],
  ];
  const heading = escapeHtml(options.heading ?? 'pgvigil report');
  const notes = (options.notes ?? []).map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('');
  const header = `<header class="top"><h1>${heading}</h1>${notes}<p class="verdict ${result.passed ? 'pass' : 'fail'}">${escapeHtml(result.text)}</p>${nav(sections)}</header>`;
  return page({
    title: `${options.heading ?? 'pgvigil report'}: ${result.text}`,
    header,
    body: summarySection(groups) + timelines + plans.html + findingsSection(groups, report.sources),
    footer: `<footer>Made by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}. Rule docs: each finding links to its page.</footer>`,
    data: { plans: plans.details },
  });
}

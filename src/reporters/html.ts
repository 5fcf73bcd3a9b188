import { escapeHtml } from './html/escape.js';
import { findingsSection } from './html/findings.js';
import { page } from './html/page.js';
import { plansSection } from './html/plans.js';
import { groupByPromise } from './html/promise-groups.js';
import { summarySection } from './html/summary.js';
import { timelinesSection } from './html/timeline.js';
import { type Report, type Summary, summarize } from './report.js';

function verdict(summary: Summary): { readonly text: string; readonly passed: boolean } {
  const files = `${summary.filesChecked} file${summary.filesChecked === 1 ? '' : 's'}`;
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
export function renderHtml(report: Report): string {
  const groups = groupByPromise(report);
  const plans = plansSection(report.plans ?? []);
  const timelines = timelinesSection(report.diagnostics, report.sources);
  const result = verdict(summarize(report));
  const sections: (readonly [string, string])[] = [
    ['summary', 'Summary'],
    ...(timelines ? [['timelines', 'Lock timelines'] as const] : []),
    ...(plans.html ? [['plans', 'Query plans'] as const] : []),
    ['findings', 'Findings'],
  ];
  const header = `<header class="top"><h1>pgvigil report</h1><p class="verdict ${result.passed ? 'pass' : 'fail'}">${escapeHtml(result.text)}</p>${nav(sections)}</header>`;
  return page({
    title: `pgvigil report: ${result.text}`,
    header,
    body: summarySection(groups) + timelines + plans.html + findingsSection(groups, report.sources),
    footer: `<footer>Made by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}. Rule docs: each finding links to its page.</footer>`,
    data: { plans: plans.details },
  });
}

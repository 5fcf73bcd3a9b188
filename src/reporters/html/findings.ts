import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { docsUrl } from '../../diagnostics/rule-meta.js';
import { escapeHtml, safeHref } from './escape.js';
import { codeFrameHtml } from './frame.js';
import { byFile, type PromiseGroup } from './promise-groups.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function location(d: Diagnostic): string {
  if (d.file === undefined) return 'live database';
  return d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
}

function labelled(label: string, text: string | undefined): string {
  if (text === undefined || text.trim() === '') return '';
  return `<dt>${label}</dt><dd>${escapeHtml(text)}</dd>`;
}

function suggestedSql(sql: string | undefined): string {
  if (sql === undefined || sql.trim() === '') return '';
  return `<div class="sql"><div class="sql-head"><span>Suggested SQL</span><button type="button" class="copy">Copy</button></div><pre><code>${escapeHtml(sql.trim())}</code></pre></div>`;
}

function findingHtml(d: Diagnostic, sources: ReadonlyMap<string, string>): string {
  const source = d.file === undefined ? undefined : sources.get(d.file);
  const frame =
    source === undefined || d.line === undefined
      ? ''
      : codeFrameHtml(source, { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn });
  const href = safeHref(d.docsUrl ?? docsUrl(d.rule));
  const details = labelled('why', d.why) + labelled('help', d.help);
  return [
    `<article class="finding" data-severity="${d.severity}" data-rule="${escapeHtml(d.rule)}">`,
    `<header><span class="badge ${d.severity}">${d.severity}</span> <code class="rule">${escapeHtml(d.rule)}</code> <span class="loc">${escapeHtml(location(d))}</span></header>`,
    `<p class="message">${escapeHtml(d.message)}</p>`,
    frame,
    details ? `<dl>${details}</dl>` : '',
    suggestedSql(d.suggestedSql),
    href ? `<a class="docs" href="${escapeHtml(href)}" rel="noreferrer">rule docs</a>` : '',
    '</article>',
  ].join('');
}

/** Severity checkboxes and a rule list: the script hides what they leave out. */
function filters(rules: readonly string[]): string {
  const boxes = SEVERITIES.map(
    (s) => `<label><input type="checkbox" class="severity-filter" value="${s}" checked> ${s}</label>`,
  ).join(' ');
  const options = rules.map((r) => `<option value="${escapeHtml(r)}">${escapeHtml(r)}</option>`).join('');
  return `<div class="filters">${boxes} <label>rule <select id="rule-filter"><option value="">all rules</option>${options}</select></label> <span id="shown-count"></span></div>`;
}

/** Every finding, by promise and then by file, with the filters above them. */
export function findingsSection(
  groups: readonly PromiseGroup[],
  sources: ReadonlyMap<string, string>,
): string {
  const withFindings = groups.filter((g) => g.diagnostics.length > 0);
  if (withFindings.length === 0)
    return '<section id="findings"><h2>Findings</h2><p class="none">No problems found.</p></section>';
  const rules = [...new Set(withFindings.flatMap((g) => g.diagnostics.map((d) => d.rule)))].sort();
  const body = withFindings.map((group) => {
    const files = [...byFile(group.diagnostics)].map(
      ([file, list]) =>
        `<div class="file-group"><h4>${escapeHtml(file ?? 'live database')}</h4>${list.map((d) => findingHtml(d, sources)).join('')}</div>`,
    );
    return `<section class="promise-group" id="promise-${group.promise.id}"><h3>${escapeHtml(group.promise.title)}</h3>${files.join('')}</section>`;
  });
  return `<section id="findings"><h2>Findings</h2>${filters(rules)}${body.join('')}</section>`;
}

import { createColors } from 'picocolors';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import { codeFrame } from './code-frame.js';
import { printable } from './printable.js';
import { type Report, type Summary, sortDiagnostics, summarize } from './report.js';

export interface TerminalOptions {
  /** ANSI colours. The CLI passes true only on a TTY and without NO_COLOR. */
  readonly color: boolean;
}

type Colors = ReturnType<typeof createColors>;

const INDENT = '  ';

/** The human-readable report: each finding with its code frame, reasons and fix, then one summary line. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const colors = createColors(options.color);
  const blocks = sortDiagnostics(report.diagnostics).map((diagnostic) =>
    renderDiagnostic(diagnostic, report.sources, colors).join('\n'),
  );
  const partial = report.partial && colors.bold(colors.red(`✖ partial results: ${report.partial.reason}`));
  return `${[...blocks, summaryLine(summarize(report), colors), ...(partial ? [partial] : [])].join('\n\n')}\n`;
}

function renderDiagnostic(
  diagnostic: Diagnostic,
  sources: ReadonlyMap<string, string>,
  colors: Colors,
): readonly string[] {
  const paint = severityColor(diagnostic.severity, colors);
  const location = formatLocation(diagnostic);
  const header = [
    location ? colors.bold(printable(location)) : undefined,
    paint(diagnostic.severity),
    colors.dim(diagnostic.rule),
    printable(diagnostic.message),
  ]
    .filter((part) => part !== undefined)
    .join('  ');
  const source = diagnostic.file === undefined ? undefined : sources.get(diagnostic.file);
  const frame =
    source === undefined || diagnostic.line === undefined
      ? []
      : codeFrame(
          source,
          {
            line: diagnostic.line,
            column: diagnostic.column,
            endLine: diagnostic.endLine,
            endColumn: diagnostic.endColumn,
          },
          { gutter: colors.dim, marker: (text) => paint(text) },
        );
  return [
    header,
    ...frame.map((row) => INDENT + row),
    ...labelled('why', diagnostic.why, colors),
    ...labelled('help', diagnostic.help, colors),
    ...indentBlock(diagnostic.suggestedSql, INDENT.repeat(2)).map((line) => colors.green(printable(line))),
    ...labelled('docs', diagnostic.docsUrl ?? docsUrl(diagnostic.rule), colors),
  ];
}

function formatLocation(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.file === undefined) return undefined;
  if (diagnostic.line === undefined) return diagnostic.file;
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column ?? 1}`;
}

function labelled(label: string, text: string | undefined, colors: Colors): readonly string[] {
  if (text === undefined || text === '') return [];
  const [first = '', ...rest] = printable(text).split(/\r?\n/);
  const continuation = ' '.repeat(label.length + 2);
  return [
    `${INDENT}${colors.bold(`${label}:`)} ${first}`,
    ...rest.map((line) => `${INDENT}${continuation}${line}`),
  ];
}

function indentBlock(text: string | undefined, indent: string): readonly string[] {
  if (text === undefined || text.trim() === '') return [];
  return text
    .replace(/^\s*\n|\s+$/g, '')
    .split(/\r?\n/)
    .map((line) => (indent + line).trimEnd());
}

function severityColor(severity: Severity, colors: Colors): (text: string) => string {
  const color = { error: colors.red, warning: colors.yellow, info: colors.cyan }[severity];
  return (text) => colors.bold(color(text));
}

function summaryLine(summary: Summary, colors: Colors): string {
  const files = plural(summary.filesChecked, 'file');
  const total = summary.errors + summary.warnings + summary.infos;
  if (total === 0) return colors.green(`✔ no problems in ${files}`);
  const color = summary.errors > 0 ? colors.red : summary.warnings > 0 ? colors.yellow : colors.cyan;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info`;
  return colors.bold(color(`✖ ${counts} in ${files}`));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

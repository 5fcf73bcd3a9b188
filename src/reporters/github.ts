import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { type Report, sortDiagnostics } from './report.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding. */
export function renderGithub(report: Report): string {
  return sortDiagnostics(report.diagnostics)
    .map((diagnostic) => `${annotation(diagnostic)}\n`)
    .join('');
}

function annotation(diagnostic: Diagnostic): string {
  const message = [diagnostic.message, diagnostic.why, diagnostic.help].filter(Boolean).join('\n');
  const properties = [...locationProperties(diagnostic), ['title', `pgvigil(${diagnostic.rule})`]]
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[diagnostic.severity]} ${properties}::${escapeData(message)}`;
}

function locationProperties(diagnostic: Diagnostic): readonly (readonly [string, string | number])[] {
  const { file, line, column, endLine, endColumn } = diagnostic;
  if (file === undefined) return [];
  // GitHub applies columns only to single-line annotations.
  const singleLine = endLine === undefined || endLine === line;
  const candidates: readonly (readonly [string, string | number | undefined])[] = [
    ['file', file],
    ['line', line],
    ['col', singleLine ? column : undefined],
    ['endLine', line === undefined ? undefined : endLine],
    ['endColumn', singleLine && line !== undefined ? endColumn : undefined],
  ];
  return candidates.filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined);
}

/** Escaping of a command's message, as the Actions runner's toolkit does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also delimit on ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

import { type Report, sortDiagnostics, summarize } from './report.js';

/** Exactly `{ "diagnostics": [...], "summary": {...} }`: the Diagnostic contract, nothing added. */
export function renderJson(report: Report): string {
  const output = { diagnostics: sortDiagnostics(report.diagnostics), summary: summarize(report) };
  return `${JSON.stringify(output, null, 2)}\n`;
}

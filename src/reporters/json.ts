import { type Report, sortDiagnostics, summarize } from './report.js';

/**
 * Exactly `{ "diagnostics": [...], "summary": {...} }`: the Diagnostic contract, nothing added; and
 * `"partial": { "reason", "stoppedAt" }` when the run stopped before its end.
 */
export function renderJson(report: Report): string {
  const output = {
    diagnostics: sortDiagnostics(report.diagnostics),
    summary: summarize(report),
    ...(report.partial && { partial: report.partial }),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

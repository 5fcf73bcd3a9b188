import type { Format } from './formats.js';
import { renderGithub } from './github.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import type { Report } from './report.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderTerminal, type TerminalOptions } from './terminal.js';

export { type Format, formats, isFormat } from './formats.js';
export type { Report, ReportPlan, Summary } from './report.js';
export { sortDiagnostics, summarize } from './report.js';

export type RenderOptions = TerminalOptions & SarifOptions;

const RENDERERS: Readonly<Record<Format, (report: Report, options: RenderOptions) => string>> = {
  text: renderTerminal,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
  html: (report) => renderHtml(report),
};

export function render(format: Format, report: Report, options: RenderOptions): string {
  return RENDERERS[format](report, options);
}

import { renderGithub } from './github.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import type { Report } from './report.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderTerminal, type TerminalOptions } from './terminal.js';

export type { Report, ReportPlan, Summary } from './report.js';
export { sortDiagnostics, summarize } from './report.js';

export const formats = ['text', 'json', 'sarif', 'github', 'html'] as const;
export type Format = (typeof formats)[number];

export type RenderOptions = TerminalOptions & SarifOptions;

export function isFormat(name: string): name is Format {
  return (formats as readonly string[]).includes(name);
}

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

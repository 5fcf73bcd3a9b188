import type { Format } from './formats.js';
import type { RenderOptions } from './index.js';
import type { Report } from './report.js';

export type Renderer = (report: Report, options: RenderOptions) => string;

/**
 * The one reporter a CLI run asked for, loaded alone: the HTML page's hash needs node:crypto and
 * the terminal its colours, neither of which a JSON run should pay for at start-up.
 */
export async function loadRenderer(format: Format): Promise<Renderer> {
  switch (format) {
    case 'text':
      return (await import('./terminal.js')).renderTerminal;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'sarif':
      return (await import('./sarif.js')).renderSarif;
    case 'github':
      return (await import('./github.js')).renderGithub;
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return (report) => renderHtml(report);
    }
  }
}

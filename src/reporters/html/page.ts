import { createHash } from 'node:crypto';
import { escapeHtml, jsonForScript } from './escape.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';

export interface PageParts {
  readonly title: string;
  readonly header: string;
  readonly body: string;
  readonly footer: string;
  /** What the script reads, embedded as JSON (never as script). */
  readonly data: unknown;
}

/**
 * No request leaves the page (default-src 'none'), and only the report's own script runs, allowed
 * by its hash: even a finding whose text slipped past escaping could not run script.
 */
function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The whole document: one file, styles and script inline. */
export function page(parts: PageParts): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head><body>',
    parts.header,
    `<main>${parts.body}</main>`,
    parts.footer,
    `<script type="application/json" id="pgvigil-data">${jsonForScript(parts.data)}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

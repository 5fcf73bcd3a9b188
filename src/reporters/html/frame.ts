import { codeFrame, type FrameSpan } from '../code-frame.js';
import { escapeHtml } from './escape.js';

/** The gutter ends at the first " |": a label is digits, "…" or blank, never containing it. */
const GUTTER_END = ' |';

/**
 * The terminal's code frame as HTML: the same lines and carets (code-frame.ts), gutter and carets
 * given classes instead of colours. Empty when the span lies outside the source.
 */
export function codeFrameHtml(source: string, span: FrameSpan): string {
  const rows = codeFrame(source, span);
  if (rows.length === 0) return '';
  const html = rows.map((row) => {
    const end = row.indexOf(GUTTER_END) + GUTTER_END.length;
    const gutter = row.slice(0, end);
    const text = row.slice(end);
    const isCarets = gutter.trim() === '|' && /^ *\^+$/.test(text);
    const body = isCarets ? `<span class="carets">${escapeHtml(text)}</span>` : escapeHtml(text);
    return `<span class="gutter">${escapeHtml(gutter)}</span>${body}`;
  });
  return `<pre class="frame">${html.join('\n')}</pre>`;
}

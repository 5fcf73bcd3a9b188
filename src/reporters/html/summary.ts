import type { Severity } from '../../diagnostics/diagnostic.js';
import type { PromiseGroup } from './promise-groups.js';

function count(n: number, severity: Severity): string {
  const noun = severity === 'info' ? 'info' : `${severity}${n === 1 ? '' : 's'}`;
  return `<span class="count ${severity}">${n} ${noun}</span>`;
}

/** One card per promise: pass or fail and its counts. The six core promises always show. */
export function summarySection(groups: readonly PromiseGroup[]): string {
  const cards = groups
    .filter((g) => g.promise.core || g.diagnostics.length > 0)
    .map((g) => {
      const status = g.passed ? 'pass' : 'fail';
      const link = g.diagnostics.length > 0 ? ` href="#promise-${g.promise.id}"` : '';
      return [
        `<a class="card ${status}" data-promise="${g.promise.id}"${link}>`,
        `<span class="status">${g.passed ? '✔ pass' : '✖ fail'}</span>`,
        `<span class="promise">${g.promise.title}</span>`,
        `<span class="counts">${count(g.counts.error, 'error')} ${count(g.counts.warning, 'warning')} ${count(g.counts.info, 'info')}</span>`,
        '</a>',
      ].join('');
    });
  const note =
    '<p class="hint">A promise fails when this command found an error or a warning for it. Each command judges its own promises: <code>verify</code> the reversibility of migrations, <code>explain</code> plans, <code>n1</code> N+1 queries.</p>';
  return `<section id="summary"><h2>Summary by promise</h2>${note}<div class="cards">${cards.join('')}</div></section>`;
}

import { createColors } from 'picocolors';
import { ms, percent } from '../rules/plan/node-facts.js';
import type { TopResult } from './run-top.js';
import { oneLine } from './top-query-diagnostic.js';

const HEADER = ['#', 'total', 'share', 'calls', 'mean', 'rows/call', 'reads', 'plan', 'query'] as const;

/** The ranking as a table, before the findings: what `top` is for, at a glance. */
export function renderTopPreface(result: TopResult, color: boolean): string {
  const colors = createColors(color);
  const rows = result.ranked.map((r) => {
    const plan = result.plans.get(r.rank);
    const findings = plan?.diagnostics.length ?? 0;
    return [
      String(r.rank),
      ms(r.totalMs),
      percent(r.share),
      String(r.entry.calls),
      ms(r.meanMs),
      r.rowsPerCall.toFixed(1),
      String(r.entry.sharedBlksRead),
      plan?.plan ? `${findings} ${findings === 1 ? 'finding' : 'findings'}` : 'not planned',
      oneLine(r.entry.query, 70),
    ];
  });
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1
          ? cell
          : i === 0 || i >= 7
            ? cell.padEnd(widths[i] ?? 0)
            : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  const skipped = result.ranked.flatMap((r) => {
    const why = result.plans.get(r.rank)?.skipped;
    return why ? [`#${r.rank} not planned: ${why}`] : [];
  });
  const table = result.ranked.length
    ? [colors.bold(line(HEADER)), ...rows.map(line)].join('\n')
    : `No statements recorded ${result.window}.`;
  const notes = [...result.notes, ...skipped].map((n) => colors.dim(n));
  return `${[notes.join('\n'), table].join('\n\n')}\n\n`;
}

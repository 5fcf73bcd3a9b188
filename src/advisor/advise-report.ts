import { createColors } from 'picocolors';
import type { Duplicate } from './advise-workload.js';
import { createIndexStatement } from './index-candidate.js';
import type { AdviseResult } from './run-advise.js';
import { bytes, saved } from './suggestion-diagnostic.js';

function total(result: AdviseResult, costs: AdviseResult['baseline']): number {
  return result.queries.reduce((sum, q) => sum + q.weight * (costs.get(q.id) ?? 0), 0);
}

function weighted(result: AdviseResult): boolean {
  return result.queries.some((q) => q.weight !== 1);
}

export function duplicateNote(d: Duplicate): string {
  return `Not suggested: ${createIndexStatement(d.candidate)} — ${d.existing.qualified} already is this index.`;
}

/** Why nothing was suggested, in the user's terms. */
function nothing(result: AdviseResult): string {
  if (result.queries.length === 0)
    return 'No query to advise on: none of the files holds a SELECT, UPDATE or DELETE that plans.';
  if (result.tried === 0)
    return 'No candidate index: the queries compare no column an index could serve, or existing indexes already are the candidates.';
  return `No index saves a query enough: ${result.tried} candidates tried, none cut a query's planned cost by the minSavedShare threshold (the existing indexes already serve these queries, or the tables are too small for an index to pay).`;
}

/** What the terminal shows before the findings: the suggestions with their statements, then the workload's cost. */
export function renderAdvisePreface(result: AdviseResult, color: boolean): string {
  const c = createColors(color);
  const labels = new Map(result.queries.map((q) => [q.id, q.label]));
  const blocks = result.suggestions.map((s, i) => {
    const lines = s.helped.map(
      (g) =>
        `    ${labels.get(g.query)}  cost ${g.before.toFixed(1)} → ${g.after.toFixed(1)} (−${saved(g.before, g.after)})`,
    );
    return [
      c.bold(`${i + 1}. ${createIndexStatement(s.trial.candidate)}`),
      `    about ${bytes(s.trial.sizeBytes)}; helps ${s.helped.length} ${s.helped.length === 1 ? 'query' : 'queries'}:`,
      ...lines,
    ].join('\n');
  });
  const before = total(result, result.baseline);
  const after = total(result, result.withSuggestions);
  const summary = result.suggestions.length
    ? `Workload of ${result.queries.length} queries: ${weighted(result) ? 'planned cost × total time (ms)' : 'planned cost'} ${before.toFixed(1)} → ${after.toFixed(1)} with all ${result.suggestions.length} suggested indexes in place (−${saved(before, after)}).`
    : nothing(result);
  const duplicates = result.duplicates.map(duplicateNote);
  const notes = [...result.notes, ...duplicates].map((n) => c.dim(n));
  return `${[notes.join('\n'), ...blocks, c.bold(summary)].filter(Boolean).join('\n\n')}\n\n`;
}

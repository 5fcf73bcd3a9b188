import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import { indexAdviceMeta } from './index-advice-meta.js';
import { createIndexStatement, indexTarget } from './index-candidate.js';
import type { Selected } from './select-indexes.js';
import type { TrialMethod } from './trial.js';
import type { WorkloadQuery } from './workload.js';

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 ** 2) return `${(size / 1024).toFixed(0)} kB`;
  if (size < 1024 ** 3) return `${(size / 1024 ** 2).toFixed(1)} MB`;
  return `${(size / 1024 ** 3).toFixed(1)} GB`;
}

export function saved(before: number, after: number): string {
  return `${Math.round((1 - after / Math.max(before, Number.EPSILON)) * 100)}%`;
}

/** One suggestion as an index-advice finding, placed on the first query it helps. */
export function suggestionDiagnostic(
  selected: Selected,
  queries: ReadonlyMap<number, WorkloadQuery>,
  method: TrialMethod,
): Diagnostic {
  const { candidate, sizeBytes } = selected.trial;
  const helped = selected.helped.map((g) => ({
    ...g,
    label: queries.get(g.query)?.label ?? String(g.query),
  }));
  const first = queries.get(selected.helped[0]?.query ?? -1);
  const statement = createIndexStatement(candidate);
  const costs = helped.map(
    (g) => `${g.label}: cost ${g.before.toFixed(1)} → ${g.after.toFixed(1)} (−${saved(g.before, g.after)})`,
  );
  return {
    rule: indexAdviceMeta.id,
    category: indexAdviceMeta.category,
    severity: indexAdviceMeta.defaultSeverity,
    message: `Index ${indexTarget(candidate).replace(/^ON /, 'on ')} saves planner cost on ${helped.length} ${helped.length === 1 ? 'query' : 'queries'} (about ${bytes(sizeBytes)}).`,
    why: `Planned with and without it (${method === 'hypopg' ? 'HypoPG hypothetical index' : 'built, then rolled back'}): ${costs.join('; ')}.`,
    help: `Create it with the statement below (CONCURRENTLY: writes go on while it builds)${candidate.extension ? ` (needs the ${candidate.extension} extension)` : ''}`,
    suggestedSql: statement,
    ...(first?.file !== undefined && { ...first.statement.span, file: first.file }),
    data: {
      statement,
      table: candidate.table,
      method: candidate.method,
      sizeBytes,
      benefit: selected.benefit,
      queries: helped.map((g) => ({ query: g.label, costBefore: g.before, costAfter: g.after })),
    },
    docsUrl: docsUrl(indexAdviceMeta.id),
  };
}

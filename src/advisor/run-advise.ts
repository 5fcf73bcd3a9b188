import type { Table } from '../catalog/model.js';
import { readCatalog } from '../catalog/read-catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { type ExplainEngineOptions, loadProblems, openExplainEngine } from '../explain/explain-engine.js';
import { initSql } from '../sql/parser.js';
import { AdviseError } from './advise-error.js';
import { adviseWorkload, type Duplicate } from './advise-workload.js';
import { readLogWorkload } from './log-workload.js';
import { type ReadWorkload, readWorkload } from './read-workload.js';
import type { Selected } from './select-indexes.js';
import { readStatStatements, STAT_STATEMENTS_LIMIT } from './stat-statements-workload.js';
import { suggestionDiagnostic } from './suggestion-diagnostic.js';
import type { TrialMethod } from './trial.js';
import { type SiteOptions, withTrialSite } from './trial-site.js';
import type { Costs, WorkloadQuery } from './workload.js';

export interface AdviseOptions extends ExplainEngineOptions, SiteOptions {
  /** A queries folder or one .sql file; without it (--db only), pg_stat_statements' statements. */
  readonly input?: string;
  /** A PostgreSQL log whose statements are the workload (instead of `input`). */
  readonly log?: string;
  /** log_line_prefix of a stderr log, when it is not one of the common ones. */
  readonly logPrefix?: string;
  readonly minSavedShare: number;
  readonly maxIndexes: number;
}

export interface AdviseResult {
  readonly queries: readonly WorkloadQuery[];
  readonly suggestions: readonly Selected[];
  readonly baseline: Costs;
  /** Costs with every suggested index in place at once (planned again, not added up). */
  readonly withSuggestions: Costs;
  /** Candidates left out because an existing index already is them. */
  readonly duplicates: readonly Duplicate[];
  readonly tried: number;
  readonly method: TrialMethod;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly notes: readonly string[];
}

/** The queries of the files given, of the log, or else of pg_stat_statements (weighted by their time). */
async function workloadOf(
  engine: Engine,
  options: AdviseOptions,
  tables: readonly Table[],
): Promise<ReadWorkload & { readonly notes: readonly string[] }> {
  const { input, log, logPrefix } = options;
  if (input !== undefined) return { ...(await readWorkload(engine, input, tables)), notes: [] };
  if (log !== undefined) {
    const read = await readLogWorkload(
      engine,
      log,
      tables,
      logPrefix === undefined ? {} : { prefix: logPrefix },
    );
    return { ...read, sources: new Map() };
  }
  if (engine.kind !== 'server')
    throw new AdviseError(
      'advise needs a queries folder or .sql file, a --log file (or --db, to read pg_stat_statements).',
    );
  const stats = await readStatStatements(engine, tables);
  const note = `Workload: the ${stats.queries.length} statements on this database's tables among pg_stat_statements' ${STAT_STATEMENTS_LIMIT} slowest in total, each weighted by its total execution time${stats.skipped ? ` (${stats.skipped} others left out: not on its tables, or not plannable here)` : ''}.`;
  return { queries: stats.queries, diagnostics: [], sources: new Map(), notes: [note] };
}

/** `pgvigil advise`: index suggestions for a workload, each proven by the planner. */
export async function runAdvise(options: AdviseOptions): Promise<AdviseResult> {
  await initSql();
  const target = await openExplainEngine(options);
  try {
    const { engine } = target;
    const catalog = await readCatalog(engine);
    const workload = await workloadOf(engine, options, catalog.tables);
    const { queries } = workload;
    const trigram = catalog.extensions.some((e) => e.name === 'pg_trgm');
    return await withTrialSite(engine, catalog, options, async (site) => {
      const advice = await adviseWorkload(site.engine, site.method, catalog, queries, options);
      const byId = new Map(queries.map((q) => [q.id, q]));
      const diagnostics = advice.suggestions.map((s) => suggestionDiagnostic(s, byId, site.method));
      const notes = [
        ...target.notes,
        ...site.notes,
        ...(trigram
          ? []
          : [
              'pg_trgm is not installed: LIKE/ILIKE with a leading wildcard gets no trigram index candidate.',
            ]),
        ...workload.notes,
        ...advice.failed.map((f) => `Could not try ${f}`),
      ];
      return {
        queries,
        suggestions: advice.suggestions,
        baseline: advice.baseline,
        withSuggestions: advice.withSuggestions,
        duplicates: advice.duplicates,
        tried: advice.trials.length,
        method: site.method,
        diagnostics: [...loadProblems(target), ...workload.diagnostics, ...diagnostics],
        sources: new Map([...target.loaded.map((f) => [f.file, f.text] as const), ...workload.sources]),
        notes,
      };
    });
  } finally {
    await target.engine.close();
  }
}

import type { Index } from '../catalog/model.js';
import { readCatalog } from '../catalog/read-catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { type ExplainEngineOptions, loadProblems, openExplainEngine } from '../explain/explain-engine.js';
import { initSql } from '../sql/parser.js';
import { AdviseError } from './advise-error.js';
import { candidatesFor } from './candidates.js';
import { duplicateOf } from './existing-index.js';
import { candidateId, type IndexCandidate } from './index-candidate.js';
import { readWorkload } from './read-workload.js';
import { type CandidateTrial, type Selected, selectIndexes } from './select-indexes.js';
import { suggestionDiagnostic } from './suggestion-diagnostic.js';
import { baselineCosts, type TrialMethod, tryIndexes } from './trial.js';
import { type Costs, queriesOn, type WorkloadQuery } from './workload.js';

export interface AdviseOptions extends ExplainEngineOptions {
  /** A queries folder or one .sql file. */
  readonly input: string;
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
  readonly duplicates: readonly { readonly candidate: IndexCandidate; readonly existing: Index }[];
  readonly tried: number;
  readonly method: TrialMethod;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly notes: readonly string[];
}

async function trialMethod(engine: Engine): Promise<TrialMethod> {
  if (engine.kind === 'pglite') return 'rollback';
  const { rows } = await engine.query("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'hypopg'");
  if (rows.length > 0) return 'hypopg';
  throw new AdviseError(
    'advise --db needs HypoPG in that database (CREATE EXTENSION hypopg, by its owner): pgvigil never builds an index in your database. Without --db, advise tries real indexes on the embedded engine loaded with --schema.',
  );
}

/** Every distinct candidate of the workload, without those an existing index already is. */
function candidatesOf(
  queries: readonly WorkloadQuery[],
  indexes: readonly Index[],
  trigram: boolean,
  method: TrialMethod,
) {
  const candidates = new Map<string, IndexCandidate>();
  const duplicates: AdviseResult['duplicates'][number][] = [];
  for (const use of queries.flatMap((q) => q.uses))
    for (const candidate of candidatesFor(use, { trigram })) {
      const id = candidateId(candidate);
      if (candidates.has(id) || duplicates.some((d) => candidateId(d.candidate) === id)) continue;
      const existing = duplicateOf(candidate, indexes);
      // HypoPG makes btree (and hash, BRIN, bloom) indexes only: GIN is tried on the embedded engine.
      if (existing) duplicates.push({ candidate, existing });
      else if (method === 'rollback' || candidate.method === 'btree') candidates.set(id, candidate);
    }
  return { candidates: [...candidates.values()], duplicates };
}

async function trialsOf(
  method: TrialMethod,
  engine: Engine,
  candidates: readonly IndexCandidate[],
  queries: readonly WorkloadQuery[],
): Promise<{ trials: CandidateTrial[]; failed: string[] }> {
  const trials: CandidateTrial[] = [];
  const failed: string[] = [];
  for (const candidate of candidates) {
    try {
      const outcome = await tryIndexes(method, engine, [candidate], queriesOn(queries, candidate.table));
      trials.push({
        candidate,
        sizeBytes: outcome.sizes[0] ?? 0,
        costs: outcome.costs,
        users: outcome.users,
      });
    } catch (error) {
      failed.push(`${candidateId(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { trials, failed };
}

/** `pgvigil advise`: index suggestions for a workload, each proven by the planner. */
export async function runAdvise(options: AdviseOptions): Promise<AdviseResult> {
  await initSql();
  const target = await openExplainEngine(options);
  try {
    const { engine } = target;
    const method = await trialMethod(engine);
    const catalog = await readCatalog(engine);
    const workload = await readWorkload(engine, options.input, catalog.tables);
    const { queries } = workload;
    const trigram = catalog.extensions.some((e) => e.name === 'pg_trgm');
    const { candidates, duplicates } = candidatesOf(queries, catalog.indexes, trigram, method);
    const baseline = (await baselineCosts(engine, queries)).costs;
    const { trials, failed } = await trialsOf(method, engine, candidates, queries);
    const weights = new Map(queries.map((q) => [q.id, q.weight]));
    const suggestions = selectIndexes(trials, baseline, { ...options, weights });
    const together = suggestions.length
      ? (
          await tryIndexes(
            method,
            engine,
            suggestions.map((s) => s.trial.candidate),
            queries,
          )
        ).costs
      : baseline;
    const byId = new Map(queries.map((q) => [q.id, q]));
    const diagnostics = suggestions.map((s) => suggestionDiagnostic(s, byId, method));
    const notes = [
      ...target.notes,
      method === 'hypopg'
        ? 'Indexes tried as HypoPG hypothetical indexes (backend-local, nothing written); sizes are HypoPG estimates.'
        : 'Indexes tried for real with CREATE INDEX in a transaction that was rolled back; sizes are the built indexes’.',
      ...(trigram
        ? []
        : ['pg_trgm is not installed: LIKE/ILIKE with a leading wildcard gets no trigram index candidate.']),
      ...failed.map((f) => `Could not try ${f}`),
    ];
    return {
      queries,
      suggestions,
      baseline,
      withSuggestions: together,
      duplicates,
      tried: trials.length,
      method,
      diagnostics: [...loadProblems(target), ...workload.diagnostics, ...diagnostics],
      sources: new Map([...target.loaded.map((f) => [f.file, f.text] as const), ...workload.sources]),
      notes,
    };
  } finally {
    await target.engine.close();
  }
}

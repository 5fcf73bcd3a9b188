import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adviseWorkload, trialsOf } from '../../src/advisor/advise-workload.js';
import { duplicateOf } from '../../src/advisor/existing-index.js';
import type { IndexCandidate } from '../../src/advisor/index-candidate.js';
import { readWorkload } from '../../src/advisor/read-workload.js';
import { selectIndexes } from '../../src/advisor/select-indexes.js';
import { tryIndexes } from '../../src/advisor/trial.js';
import type { WorkloadQuery } from '../../src/advisor/workload.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { openExplainEngine } from '../../src/explain/explain-engine.js';
import { initSql } from '../../src/sql/parser.js';
import { BLOG_QUERIES, BLOG_SCALE_DATA } from './blog-workload.js';
import { dexterCandidates, dexterSelection } from './dexter-baseline.js';
import { exhaustiveOptimum } from './exhaustive-optimum.js';

export const MIN_SAVED_SHARE = 0.3;
/** The subset the exhaustive optimum is computed on: the first queries of the workload. */
export const SUBSET_SIZE = 10;

/** An index set measured by building it for real (rolled back) and planning the queries again. */
export interface Measured {
  readonly name: string;
  readonly indexes: number;
  readonly sizeBytes: number;
  readonly cost: number;
}

export interface AdvisorBench {
  readonly queries: number;
  readonly baseline: number;
  readonly rows: readonly Measured[];
  readonly subset: {
    readonly queries: number;
    readonly baseline: number;
    readonly subsets: number;
    readonly rows: readonly Measured[];
  };
}

async function measure(
  engine: Engine,
  name: string,
  set: readonly IndexCandidate[],
  queries: readonly WorkloadQuery[],
): Promise<Measured> {
  const outcome = await tryIndexes('rollback', engine, set, queries);
  const cost = queries.reduce((sum, q) => sum + q.weight * (outcome.costs.get(q.id) ?? 0), 0);
  return { name, indexes: set.length, sizeBytes: outcome.sizes.reduce((a, b) => a + b, 0), cost };
}

async function writeWorkload(): Promise<{ schema: string; data: string; queries: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pgvigil-advisor-bench-'));
  const schema = join(dir, 'schema.sql');
  await writeFile(schema, await readFile(new URL('../../examples/blog/schema.sql', import.meta.url), 'utf8'));
  await writeFile(join(dir, 'data.sql'), BLOG_SCALE_DATA);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(dir, 'queries'));
  for (const [i, sql] of BLOG_QUERIES.entries())
    await writeFile(join(dir, 'queries', `q${String(i + 1).padStart(2, '0')}.sql`), `${sql};\n`);
  return { schema, data: join(dir, 'data.sql'), queries: join(dir, 'queries') };
}

/** pgvigil, the Dexter baseline and (on a subset) the exhaustive optimum, each measured with its indexes built. */
export async function runAdvisorBench(): Promise<AdvisorBench> {
  await initSql();
  const files = await writeWorkload();
  const target = await openExplainEngine({
    schemaFiles: [files.schema, files.data],
    rowsPerTable: 0,
    timeoutMs: 120_000,
  });
  const { engine } = target;
  try {
    const catalog = await readCatalog(engine);
    const { queries } = await readWorkload(engine, files.queries, catalog.tables);
    const advice = await adviseWorkload(engine, 'rollback', catalog, queries, {
      minSavedShare: MIN_SAVED_SHARE,
      maxIndexes: 100,
    });
    const weights = new Map(queries.map((q) => [q.id, q.weight]));
    const dexterPool = dexterCandidates(queries).filter((c) => !duplicateOf(c, catalog.indexes));
    const dexterTrials = (await trialsOf('rollback', engine, dexterPool, queries)).trials;
    const dexter = dexterSelection(queries, dexterTrials, advice.baseline);
    const pgvigil = advice.suggestions.map((s) => s.trial.candidate);
    const sameBudget = selectIndexes(advice.trials, advice.baseline, {
      minSavedShare: MIN_SAVED_SHARE,
      maxIndexes: dexter.length,
      weights,
    }).map((s) => s.trial.candidate);
    const rows = [
      await measure(engine, 'no new index', [], queries),
      await measure(engine, 'Dexter method', dexter, queries),
      await measure(engine, 'pgvigil advise', pgvigil, queries),
      await measure(engine, `pgvigil advise, budget ${dexter.length} (Dexter's count)`, sameBudget, queries),
    ];
    const subsetQueries = queries.slice(0, SUBSET_SIZE);
    const subsetBaseline = new Map(subsetQueries.map((q) => [q.id, advice.baseline.get(q.id) ?? 0]));
    const subsetPick = selectIndexes(advice.trials, subsetBaseline, {
      minSavedShare: MIN_SAVED_SHARE,
      maxIndexes: 100,
      weights,
    }).map((s) => s.trial.candidate);
    const optimum = exhaustiveOptimum(
      advice.trials,
      subsetQueries.map((q) => q.id),
      subsetBaseline,
      subsetPick.length,
    );
    const subsetRows = [
      await measure(engine, 'no new index', [], subsetQueries),
      await measure(engine, 'pgvigil advise', subsetPick, subsetQueries),
      await measure(
        engine,
        `exhaustive optimum (≤ ${subsetPick.length} indexes)`,
        optimum.chosen.map((t) => t.candidate),
        subsetQueries,
      ),
    ];
    return {
      queries: queries.length,
      baseline: rows[0]?.cost ?? 0,
      rows,
      subset: {
        queries: subsetQueries.length,
        baseline: subsetRows[0]?.cost ?? 0,
        subsets: optimum.subsets,
        rows: subsetRows,
      },
    };
  } finally {
    await engine.close();
  }
}

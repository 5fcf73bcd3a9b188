import {
  type AdvisorBench,
  type Measured,
  MIN_SAVED_SHARE,
  runAdvisorBench,
} from '../advisor/run-advisor-bench.js';
import { type BenchCase, sectionOf } from '../case.js';

const ABOUT = `The blog schema (\`examples/blog/schema.sql\`) on embedded PostgreSQL 18 with 10,000 users, 50,000
posts, 150,000 comments and 100,000 post_tags, and a workload of 32 queries (\`bench/advisor/blog-workload.ts\`),
some already served by the schema's indexes. Each method's indexes were built for real (\`CREATE INDEX\` in a
transaction rolled back afterwards) and every query planned again; the cost is the sum of the planner's total
costs. **Dexter method** (\`bench/advisor/dexter-baseline.ts\`): per query, single-column btrees on every column
it references and ordered pairs of them; the best single column kept when it saves 50 %, the best pair instead
when it saves a further 50 %; one index per query. **pgvigil advise**: its candidates, minSavedShare
${MIN_SAVED_SHARE}, greedy whole-workload selection. The **exhaustive optimum** tries every set of pgvigil's
candidates up to pgvigil's count on the first queries, by the per-index costs, and is then built and planned
like the others.`;

function saved(baseline: number, cost: number): string {
  return `${(((baseline - cost) / Math.max(baseline, Number.EPSILON)) * 100).toFixed(1)} %`;
}

function table(rows: readonly Measured[], baseline: number): string {
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.indexes} | ${(r.sizeBytes / 1024 ** 2).toFixed(1)} MB | ${r.cost.toFixed(1)} | ${saved(baseline, r.cost)} |`,
  );
  return ['| method | indexes | size | workload cost | saved |', '|---|---:|---:|---:|---:|', ...lines].join(
    '\n',
  );
}

function shareOfOptimum(bench: AdvisorBench): string {
  const [none, pgvigil, optimum] = bench.subset.rows;
  if (!none || !pgvigil || !optimum) return '';
  const best = none.cost - optimum.cost;
  const share = best > 0 ? ((none.cost - pgvigil.cost) / best) * 100 : 100;
  return `pgvigil saves ${share.toFixed(1)} % of what the optimum saves on this subset (${bench.subset.subsets} index sets compared).`;
}

/** The index advisor's quality: workload cost with each method's indexes really built. */
export const advisor: BenchCase = {
  name: 'advisor',
  async run() {
    const bench = await runAdvisorBench();
    const markdown = [
      ABOUT,
      `Whole workload (${bench.queries} queries):`,
      table(bench.rows, bench.baseline),
      `Exhaustive optimum on the first ${bench.subset.queries} queries:`,
      table(bench.subset.rows, bench.subset.baseline),
      shareOfOptimum(bench),
    ].join('\n\n');
    return sectionOf('Index advisor', markdown);
  },
};

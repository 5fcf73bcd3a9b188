import { caseTable, totalsTable } from '../accuracy/accuracy-table.js';
import { readCases } from '../accuracy/case-file.js';
import { scoreCases } from '../accuracy/score-cases.js';
import { readTruth } from '../accuracy/truth-file.js';
import { type BenchCase, sectionOf } from '../case.js';

const ABOUT = `Every case in \`bench/accuracy/cases/\` was run on a real server and measured (locks held,
rewrites, scans, rows touched: \`bench/accuracy/truth.json\`, written by \`bench/accuracy/measure-truth.ts\`);
the verdict is derived from those facts by one function, and each tool's findings are read by a per-tool
list of rule ids as a claim of work over the rows (rewrite, scan, validation, index build, backfill), of a
refusal, or of a strong lock. Both are in [docs/accuracy.md](docs/accuracy.md). A hazardous case needs some
claim, a safe case none; a brief ACCESS EXCLUSIVE case (the lock, no work that grows with the table) is
wrong only with a work or refusal claim, since PostgreSQL was measured not to do that work (a lock claim
there is a fair lock-queue warning, counted in the last column). Static mode is scored only on cases whose
verdict needs no catalog.`;

/** Migration accuracy: pgvigil semantic and static, squawk and pgfence against the measured truth. */
export const accuracy: BenchCase = {
  name: 'accuracy',
  async run() {
    const truth = readTruth();
    const results = await scoreCases(readCases(), truth.cases);
    const markdown = [
      `${ABOUT} Truth measured on ${truth.server}; ${results.length} cases.`,
      totalsTable(results),
      '<details><summary>Per case (rule ids each tool reported; <code>*</code> = a claim of work over the rows or of a refusal, <code>°</code> = a lock claim)</summary>',
      caseTable(results),
      '</details>',
    ].join('\n\n');
    return sectionOf('Migration accuracy', markdown);
  },
};

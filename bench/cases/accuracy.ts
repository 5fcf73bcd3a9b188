import { caseTable, totalsTable } from '../accuracy/accuracy-table.js';
import { readCases } from '../accuracy/case-file.js';
import { scoreCases } from '../accuracy/score-cases.js';
import { readTruth } from '../accuracy/truth-file.js';
import { type BenchCase, sectionOf } from '../case.js';

const ABOUT = `Every case in \`bench/accuracy/cases/\` was run on a real server and measured (locks held,
rewrites, scans, rows touched: \`bench/accuracy/truth.json\`, written by \`bench/accuracy/measure-truth.ts\`);
the verdict is derived from those facts by one function, and each tool's findings are read as "flags a
lock/rewrite/scan hazard" or not by a per-tool list of rule ids. Both are in [docs/accuracy.md](docs/accuracy.md).
Cases of the brief-ACCESS-EXCLUSIVE class are listed but not scored (a lock-queue policy question, not a
measured fact); static mode is scored only on cases whose verdict needs no catalog.`;

/** Migration accuracy: pgvigil semantic and static, squawk and pgfence against the measured truth. */
export const accuracy: BenchCase = {
  name: 'accuracy',
  async run() {
    const truth = readTruth();
    const results = await scoreCases(readCases(), truth.cases);
    const markdown = [
      `${ABOUT} Truth measured on ${truth.server}; ${results.length} cases.`,
      totalsTable(results),
      '<details><summary>Per case (rule ids each tool reported; <code>*</code> = counted as a hazard)</summary>',
      caseTable(results),
      '</details>',
    ].join('\n\n');
    return sectionOf('Migration accuracy', markdown);
  },
};

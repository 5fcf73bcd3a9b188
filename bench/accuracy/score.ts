/**
 * Scores pgvigil (semantic and static), squawk and pgfence against the measured truth:
 *   node --import tsx bench/accuracy/score.ts [case ...]
 * Prints the totals and the per-case table as Markdown.
 */
import { caseTable, totalsTable } from './accuracy-table.js';
import { readCases } from './case-file.js';
import { scoreCases } from './score-cases.js';
import { readTruth } from './truth-file.js';

const wanted = process.argv.slice(2);
const cases = readCases().filter((c) => wanted.length === 0 || wanted.includes(c.name));
const results = await scoreCases(cases, readTruth().cases);
process.stdout.write(`${totalsTable(results)}\n\n${caseTable(results)}\n`);

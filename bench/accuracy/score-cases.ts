import type { AccuracyCase } from './case-file.js';
import { type CaseFiles, withCaseFiles } from './case-files.js';
import { runPgfence, runSquawk } from './tool-peers.js';
import { runPgvigilSemantic, runPgvigilStatic } from './tool-pgvigil.js';
import { claimsWork, flagged, type ToolRun } from './tool-run.js';
import type { CaseTruth } from './truth-model.js';
import { judge, type Verdict } from './verdict.js';

export interface Tool {
  readonly name: string;
  /** Scored only on cases whose verdict needs no catalog (static mode reads no database). */
  readonly catalogFreeOnly?: boolean;
  run(files: CaseFiles): Promise<ToolRun>;
}

export const TOOLS: readonly Tool[] = [
  { name: 'pgvigil semantic', run: (files) => runPgvigilSemantic(files) },
  { name: 'pgvigil static', catalogFreeOnly: true, run: runPgvigilStatic },
  { name: 'squawk', run: runSquawk },
  { name: 'pgfence', run: runPgfence },
];

export type Outcome = 'correct' | 'false positive' | 'false negative' | 'not scored';

export interface ToolResult {
  readonly tool: string;
  readonly run: ToolRun;
  readonly outcome: Outcome;
}

export interface CaseResult {
  readonly name: string;
  readonly description: string;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly tools: readonly ToolResult[];
}

/**
 * A hazardous case needs a hazard claim, a safe case must have none, a brief ACCESS EXCLUSIVE case
 * must have no claim of work over the rows or of a refusal (a lock claim there is a fair lock-queue
 * warning). A tool that could not judge the case is wrong on it; undetermined cases are not scored.
 */
export function outcomeOf(verdict: Verdict, run: ToolRun, scored = true): Outcome {
  if (!scored || verdict === 'undetermined') return 'not scored';
  if (verdict === 'hazardous') return !run.error && flagged(run) ? 'correct' : 'false negative';
  const wrong = verdict === 'safe' ? flagged(run) : claimsWork(run);
  return wrong || run.error ? 'false positive' : 'correct';
}

function truthOf(truths: readonly CaseTruth[], name: string): CaseTruth {
  const truth = truths.find((t) => t.name === name);
  if (!truth) throw new Error(`bench/accuracy/truth.json has no case ${name}: run measure-truth.ts`);
  return truth;
}

/** Every tool on every case, each outcome against the verdict derived from the measured truth. */
export async function scoreCases(
  cases: readonly AccuracyCase[],
  truths: readonly CaseTruth[],
  tools: readonly Tool[] = TOOLS,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const { verdict, reasons } = judge(truthOf(truths, c.name));
    const toolResults = await withCaseFiles(c, async (files) => {
      const out: ToolResult[] = [];
      for (const tool of tools) {
        const run = await tool
          .run(files)
          .catch((error: Error): ToolRun => ({ findings: [], error: error.message }));
        out.push({
          tool: tool.name,
          run,
          outcome: outcomeOf(verdict, run, !(tool.catalogFreeOnly && c.needsCatalog)),
        });
      }
      return out;
    });
    results.push({ name: c.name, description: c.description, verdict, reasons, tools: toolResults });
  }
  return results;
}

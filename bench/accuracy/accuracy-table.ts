import { type CaseResult, type Outcome, TOOLS } from './score-cases.js';
import { claimsLock, ruleList } from './tool-run.js';

export interface ToolTotals {
  readonly tool: string;
  readonly scored: number;
  readonly correct: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Brief ACCESS EXCLUSIVE cases on which the tool warned of the lock (information, not scored), of how many. */
  readonly briefLockClaims: number;
  readonly brief: number;
}

export function totals(results: readonly CaseResult[], tools = TOOLS.map((t) => t.name)): ToolTotals[] {
  return tools.map((tool) => {
    const mine = results.map((r) => ({ verdict: r.verdict, result: r.tools.find((t) => t.tool === tool) }));
    const count = (outcome: Outcome) => mine.filter((m) => m.result?.outcome === outcome).length;
    const brief = mine.filter((m) => m.verdict === 'brief-exclusive' && m.result);
    return {
      tool,
      scored: mine.filter((m) => m.result && m.result.outcome !== 'not scored').length,
      correct: count('correct'),
      falsePositives: count('false positive'),
      falseNegatives: count('false negative'),
      briefLockClaims: brief.filter((m) => m.result && claimsLock(m.result.run)).length,
      brief: brief.length,
    };
  });
}

function table(headers: readonly string[], lines: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [row(headers), row(headers.map(() => '---')), ...lines.map(row)].join('\n');
}

export function totalsTable(results: readonly CaseResult[]): string {
  const lines = totals(results).map((t) => [
    t.tool,
    `${t.correct} / ${t.scored}`,
    String(t.falsePositives),
    String(t.falseNegatives),
    `${t.briefLockClaims} / ${t.brief}`,
  ]);
  return table(
    [
      'tool',
      'correct',
      'false positives',
      'false negatives',
      'lock claims on brief ACCESS EXCLUSIVE cases (not scored)',
    ],
    lines,
  );
}

const SHORT: Readonly<Record<Outcome, string>> = {
  correct: '✔',
  'false positive': 'FP',
  'false negative': 'FN',
  'not scored': '–',
};

/** One line per case: the verdict, then each tool's outcome and the rule ids it reported (marks: tool-run.ts ruleList). */
export function caseTable(results: readonly CaseResult[]): string {
  const tools = TOOLS.map((t) => t.name);
  const lines = results.map((r) => [
    r.name,
    r.verdict,
    ...tools.map((tool) => {
      const result = r.tools.find((t) => t.tool === tool);
      if (!result) return '';
      const rules = ruleList(result.run);
      return `${SHORT[result.outcome]}${rules ? ` (${rules})` : ''}`;
    }),
  ]);
  return table(['case', 'measured verdict', ...tools], lines);
}

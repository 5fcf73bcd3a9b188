import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { analyzeEventSources } from '../../src/nplusone/analyze-logs.js';
import { logSource } from '../../src/nplusone/log-source.js';
import { traceSource } from '../../src/nplusone/trace-source.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { scoreCodeSet } from './score-code.js';
import type { Label } from './write-set.js';

export const SET_DIR = join(import.meta.dirname, 'set');
const LOG_RULES = ['n-plus-one', 'repeated-identical-query'] as const;
/** The log and trace rules, then no-query-in-loop on the code samples (bench/n1/code, scored by score-code.ts). */
export const SCORED_RULES = [...LOG_RULES, 'no-query-in-loop'] as const;

export interface FileScore {
  readonly file: string;
  readonly why: string;
  readonly rule: string;
  readonly truePositives: number;
  readonly falsePositives: readonly string[];
  readonly missed: readonly string[];
}

const describe = (label: Label): string => label.repeated.join(' then ');

/** A finding is the label's when each of its repeated queries contains the label's text, in order. */
function matches(finding: Diagnostic, label: Label): boolean {
  const repeated = (finding.data?.repeatedQueries ?? []) as readonly string[];
  return (
    finding.rule === label.rule &&
    repeated.length === label.repeated.length &&
    label.repeated.every((text, i) => repeated[i]?.includes(text))
  );
}

/** Runs `n1`'s analysis on every file of the set and compares its findings with labels.json. */
export async function scoreSet(): Promise<FileScore[]> {
  const labels = JSON.parse(readFileSync(join(SET_DIR, 'labels.json'), 'utf8')) as Record<
    string,
    { why: string; expected: Label[] }
  >;
  const settings = resolveRuleSettings(
    { rules: {} } as Parameters<typeof resolveRuleSettings>[0],
    allRuleMetas,
  );
  const scores: FileScore[] = [];
  for (const [name, { why, expected }] of Object.entries(labels)) {
    const path = join(SET_DIR, name);
    const source = name.endsWith('.json') ? traceSource(path) : logSource(path);
    const found = await analyzeEventSources([source], settings);
    for (const rule of LOG_RULES) {
      const mine = found.filter((d) => d.rule === rule);
      const wanted = expected.filter((l) => l.rule === rule);
      const hit = wanted.filter((l) => mine.some((d) => matches(d, l)));
      scores.push({
        file: name,
        why,
        rule,
        truePositives: hit.length,
        falsePositives: mine.filter((d) => !wanted.some((l) => matches(d, l))).map((d) => d.message),
        missed: wanted.filter((l) => !hit.includes(l)).map(describe),
      });
    }
  }
  return [...scores, ...(await scoreCodeSet())];
}

import type { RuleSettings } from '../config/rule-settings.js';
import { UNSUPPORTED_INPUT } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import type { Plan } from '../plan/model.js';
import { parsePlan } from '../plan/parse-plan.js';
import { PlanFormatError } from '../plan/plan-error.js';
import { planRules } from '../rules/registry.js';
import { runPlanRules } from '../rules/run-plan-rules.js';
import { statementFacts } from './statement-facts.js';

/** An auto_explain record: `duration: … ms  plan:` and the plan (text or JSON) on the lines after. */
export interface LogPlan {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const NODE_LINE = /\((?:cost=|actual )/;

/** The query and the plan of an auto_explain text record (`Query Text:` first, possibly over lines). */
function split(text: string): { query?: string; plan: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const query = /"Query Text":\s*("(?:[^"\\]|\\.)*")/.exec(trimmed)?.[1];
    return { plan: trimmed, ...(query && { query: JSON.parse(query) as string }) };
  }
  if (!trimmed.startsWith('Query Text:')) return { plan: text };
  const lines = text.split('\n');
  const start = lines.findIndex((line) => NODE_LINE.test(line));
  if (start < 0) return { plan: text };
  const query = lines
    .slice(0, start)
    .join('\n')
    .trim()
    .replace(/^Query Text:\s*/, '');
  return { query, plan: lines.slice(start).join('\n') };
}

interface Fold {
  readonly first: Diagnostic;
  count: number;
}

/**
 * The plan rules over every plan auto_explain wrote, each finding at its record's line. Findings of
 * one rule on one query (by fingerprint) fold into the first, with a count: a plan logged ten
 * thousand times is one finding, and memory follows the queries, not the log.
 */
export class LogPlanFindings {
  private readonly folds = new Map<string, Fold>();
  private unreadable = 0;
  private firstUnreadable?: LogPlan;

  constructor(private readonly settings: ReadonlyMap<string, RuleSettings>) {}

  add(record: LogPlan): void {
    const { query, plan: text } = split(record.text);
    let plan: Plan;
    try {
      plan = parsePlan(text);
    } catch (error) {
      if (!(error instanceof PlanFormatError)) throw error;
      this.unreadable++;
      this.firstUnreadable ??= record;
      return;
    }
    const shape = (query !== undefined && statementFacts(query)?.fingerprint) || query || '';
    for (const finding of runPlanRules(
      planRules,
      this.settings,
      plan,
      {},
      { file: record.file, line: record.line },
    )) {
      const key = `${finding.rule}\u0000${shape}`;
      const fold = this.folds.get(key);
      if (fold) fold.count++;
      else
        this.folds.set(key, {
          first: query === undefined ? finding : { ...finding, data: { ...finding.data, query } },
          count: 1,
        });
    }
  }

  findings(): Diagnostic[] {
    const out = [...this.folds.values()].map(({ first, count }) =>
      count === 1
        ? first
        : {
            ...first,
            message: `${first.message} Seen in ${count} logged plans of this query.`,
            data: { ...first.data, plans: count },
          },
    );
    const bad = this.firstUnreadable;
    if (bad)
      out.push({
        rule: UNSUPPORTED_INPUT.id,
        category: UNSUPPORTED_INPUT.category,
        severity: UNSUPPORTED_INPUT.defaultSeverity,
        message: `${this.unreadable} auto_explain ${this.unreadable === 1 ? 'plan' : 'plans'} could not be read (the first at line ${bad.line}).`,
        help: 'auto_explain.log_format text or json is read; check that the plan lines are whole.',
        file: bad.file,
        line: bad.line,
        data: { count: this.unreadable },
        docsUrl: docsUrl(UNSUPPORTED_INPUT.id),
      });
    return out;
  }
}

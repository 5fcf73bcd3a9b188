import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { stampFindings } from '../migrate/stamp-findings.js';
import { lockTimelineFinding, lockTimelineMeta } from '../rules/migration/lock-timeline.js';
import { lockSpans } from './lock-spans.js';
import type { TraceStep, TransactionEnds } from './trace-step.js';

/** The lock timeline of one migration as a diagnostic (lint --trace), when that rule is on. */
export function lockTimeline(
  settings: ReadonlyMap<string, RuleSettings>,
  steps: readonly TraceStep[],
  existedBefore: ReadonlySet<string>,
  ends: TransactionEnds,
): Diagnostic[] {
  if (!settings.get(lockTimelineMeta.id)?.enabled) return [];
  const spans = lockSpans(steps, existedBefore, ends);
  const finding = lockTimelineFinding(spans);
  // Placed on the statement that took the first lock.
  const taker = steps.find((step) => step.statement.span.line === spans[0]?.fromLine)?.statement;
  return finding && taker ? stampFindings({ meta: lockTimelineMeta }, settings, taker, [finding]) : [];
}

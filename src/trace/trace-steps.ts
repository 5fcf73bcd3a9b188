import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { stampFindings } from '../migrate/stamp-findings.js';
import { traceStepFinding, traceStepMeta } from '../rules/trace/trace-step.js';
import { stepRecord } from './step-record.js';
import type { TraceStep } from './trace-step.js';

/** One trace-step diagnostic per statement that did something (lint --trace), when that rule is on. */
export function traceStepDiagnostics(
  settings: ReadonlyMap<string, RuleSettings>,
  steps: readonly TraceStep[],
): Diagnostic[] {
  if (!settings.get(traceStepMeta.id)?.enabled) return [];
  return steps.flatMap((step) => {
    const record = stepRecord(step);
    return record
      ? stampFindings({ meta: traceStepMeta }, settings, step.statement, [traceStepFinding(record)])
      : [];
  });
}

import type { RuleSettings } from '../config/rule-settings.js';
import { lockTimelineMeta } from '../rules/migration/lock-timeline.js';
import { observedStrongLock } from '../rules/migration/observed-strong-lock.js';
import { traceStepMeta } from '../rules/trace/trace-step.js';

/** What --trace turns on: the lock timeline, every lock no rule explained, and each statement's record. */
const TRACE_RULES = [lockTimelineMeta, observedStrongLock.meta, traceStepMeta];

/** The settings with the trace's rules on (as info) unless the config already set them. */
export function withTrace(settings: ReadonlyMap<string, RuleSettings>): ReadonlyMap<string, RuleSettings> {
  const traced = new Map(settings);
  for (const meta of TRACE_RULES) {
    const setting = settings.get(meta.id);
    if (setting?.severityFromConfig) continue;
    traced.set(meta.id, {
      id: meta.id,
      enabled: true,
      severity: meta.defaultSeverity,
      thresholds: setting?.thresholds ?? {},
    });
  }
  return traced;
}

import type { Severity } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import { breaksSessions, type PoolerDetection } from './pooler-detection.js';

/**
 * A session feature matters as much as the rule says behind a transaction pooler, and when pgvigil
 * cannot tell; it is only information where pgvigil saw no transaction pooling (it matters the day
 * one is added).
 */
export function severityFor(meta: RuleMeta, detection: PoolerDetection): Severity {
  if (breaksSessions(detection)) return meta.defaultSeverity;
  const sawNone = detection.mode === 'session' || detection.evidence.some((e) => e.source === 'probe');
  return sawNone ? 'info' : meta.defaultSeverity;
}

import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import type { Finding } from '../rules/schema-rule.js';
import { stampFinding } from '../rules/stamp-finding.js';

/** A verify rule's finding as a diagnostic at `at` unless placed already; none when the config turned the rule off. */
export function verifyFinding(
  settings: ReadonlyMap<string, RuleSettings>,
  meta: RuleMeta,
  finding: Finding,
  at: SourceSpan,
): Diagnostic[] {
  const setting = settings.get(meta.id);
  if (setting && !setting.enabled) return [];
  return [stampFinding(meta, setting, finding, at)];
}

import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl, type RuleMeta } from '../diagnostics/rule-meta.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import type { Finding } from './schema-rule.js';

/**
 * A rule's finding as a diagnostic: the rule's id and category, the severity the config names (or
 * the finding's own, or the rule's default), the docs link, and a fallback place when the finding
 * has none of its own.
 */
export function stampFinding(
  meta: RuleMeta,
  setting: RuleSettings | undefined,
  { severity, ...finding }: Finding,
  fallback?: SourceSpan,
): Diagnostic {
  return {
    rule: meta.id,
    category: meta.category,
    severity: setting?.severityFromConfig ? setting.severity : (severity ?? meta.defaultSeverity),
    ...(finding.file === undefined ? fallback : {}),
    ...finding,
    docsUrl: docsUrl(meta.id),
  };
}

import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { Finding } from '../rules/schema-rule.js';
import { stampFinding } from '../rules/stamp-finding.js';
import type { Statement } from '../sql/statement.js';

/** A migration (or fallback) rule's findings as diagnostics, placed on the statement unless placed already; none when the rule is off. */
export function stampFindings(
  rule: { readonly meta: RuleMeta },
  settings: ReadonlyMap<string, RuleSettings>,
  statement: Statement,
  findings: readonly Finding[],
): Diagnostic[] {
  const setting = settings.get(rule.meta.id);
  if (setting && !setting.enabled) return [];
  return findings.map((finding) => stampFinding(rule.meta, setting, finding, statement.span));
}

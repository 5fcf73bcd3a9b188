import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MigrationRule } from '../rules/migration-rule.js';
import type { Finding } from '../rules/schema-rule.js';
import { stampFinding } from '../rules/stamp-finding.js';
import type { Statement } from '../sql/statement.js';

/** A migration rule's findings as diagnostics, placed on the statement unless placed already; none when the rule is off. */
export function stampFindings(
  rule: MigrationRule,
  settings: ReadonlyMap<string, RuleSettings>,
  statement: Statement,
  findings: readonly Finding[],
): Diagnostic[] {
  const setting = settings.get(rule.meta.id);
  if (setting && !setting.enabled) return [];
  return findings.map((finding) => stampFinding(rule.meta, setting, finding, statement.span));
}

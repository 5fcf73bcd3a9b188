import type { CatalogSnapshot } from '../catalog/model.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locator } from '../project/locate.js';
import type { SchemaRule } from '../rules/schema-rule.js';
import { stampFinding } from '../rules/stamp-finding.js';

/** Runs each enabled schema rule over the snapshot and stamps its findings with id, category and severity. */
export function runSchemaRules(
  rules: readonly SchemaRule[],
  settings: ReadonlyMap<string, RuleSettings>,
  catalog: CatalogSnapshot,
  locate: Locator,
): Diagnostic[] {
  return rules.flatMap((rule) => {
    const setting = settings.get(rule.meta.id);
    if (setting && !setting.enabled) return [];
    const findings = rule.check({ catalog, locate, thresholds: setting?.thresholds ?? {} });
    return findings.map((finding) => stampFinding(rule.meta, setting, finding));
  });
}

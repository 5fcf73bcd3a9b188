import { runCheck } from '../../../src/check/run-check.js';
import { resolveRuleSettings } from '../../../src/config/rule-settings.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../../src/engine/engine.js';
import { discoverProject } from '../../../src/project/discover.js';
import { allRuleMetas } from '../../../src/rules/registry.js';
import { tempProject } from '../../support/temp-project.js';

/** Runs `check` on the files with every default rule and this one on (even when opt-in); all diagnostics. */
export async function checkWithRule(
  engine: Engine,
  ruleId: string,
  files: Readonly<Record<string, string>>,
): Promise<readonly Diagnostic[]> {
  const settings = resolveRuleSettings({ rules: { [ruleId]: 'warning' } }, allRuleMetas);
  const { diagnostics } = await runCheck(await discoverProject(await tempProject(files)), settings, {
    engine,
  });
  return diagnostics;
}

/** Only the findings of that rule. */
export async function ruleLines(
  engine: Engine,
  ruleId: string,
  files: Readonly<Record<string, string>>,
): Promise<readonly Diagnostic[]> {
  return (await checkWithRule(engine, ruleId, files)).filter((d) => d.rule === ruleId);
}

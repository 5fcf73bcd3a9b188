import { runCheck } from '../../src/check/run-check.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../src/engine/engine.js';
import { discoverProject } from '../../src/project/discover.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { tempProject } from './temp-project.js';

/** Writes the files into a temp project and runs `check` on it with the given engine and default rules. */
export async function checkProject(
  engine: Engine,
  files: Readonly<Record<string, string>>,
): Promise<{ readonly dir: string; readonly diagnostics: readonly Diagnostic[] }> {
  const dir = await tempProject(files);
  const settings = resolveRuleSettings({ rules: {} }, allRuleMetas);
  const { diagnostics } = await runCheck(await discoverProject(dir), settings, { engine });
  return { dir, diagnostics };
}

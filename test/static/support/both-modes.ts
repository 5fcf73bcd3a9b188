import { afterAll, beforeAll, beforeEach } from 'vitest';
import { runCheck } from '../../../src/check/run-check.js';
import { resolveRuleSettings } from '../../../src/config/rule-settings.js';
import { BUILTIN_METAS } from '../../../src/diagnostics/builtin.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../../src/engine/engine.js';
import { openPglite } from '../../../src/engine/pglite.js';
import { discoverProject } from '../../../src/project/discover.js';
import { allRuleMetas, migrationRules } from '../../../src/rules/registry.js';
import { lintStatic } from '../../../src/static/lint-static.js';
import { resetPublicSchema } from '../../rules/support/schema-rule-harness.js';
import { tempProject } from '../../support/temp-project.js';

export interface BothModes {
  readonly semantic: readonly Diagnostic[];
  readonly static: readonly Diagnostic[];
}

/** Every rule on, require-lock-timeout (opt-in) included, so every rule is compared. */
const SETTINGS = resolveRuleSettings({ rules: { 'require-lock-timeout': 'warning' } }, allRuleMetas);

/**
 * One PGlite for the file, a clean public schema per project. `lint` runs the same project both
 * ways: semantic (observed by the engine) and static (predicted from the parse tree).
 */
export function bothModes(): (
  files: Readonly<Record<string, string>>,
  pgVersion?: number,
) => Promise<BothModes> {
  let engine: Engine | undefined;
  beforeAll(async () => {
    engine = await openPglite();
  });
  beforeEach(async () => {
    if (engine) await resetPublicSchema(engine);
  });
  afterAll(async () => engine?.close());
  return async (files, pgVersion) => {
    if (!engine) throw new Error('engine used outside a test');
    await resetPublicSchema(engine);
    const layout = await discoverProject(await tempProject(files));
    const version = pgVersion === undefined ? {} : { serverVersion: pgVersion };
    const semantic = await runCheck(layout, SETTINGS, { engine, schemaRules: false, ...version });
    const predicted = await lintStatic(layout, SETTINGS, version);
    return { semantic: semantic.diagnostics, static: predicted.diagnostics };
  };
}

/** What both modes run: the migration rules and the built-in input diagnostics (semantic mode's fallbacks are its own). */
const COMPARED = new Set(
  [...BUILTIN_METAS, ...migrationRules.map((rule) => rule.meta)].map((meta) => meta.id),
);

/** Rule and line of each finding, in a stable order: what "the same findings" means across modes. */
export function ruleLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => COMPARED.has(d.rule))
    .map((d) => `${d.rule}@${d.file?.split('/').pop()}:${d.line}`)
    .sort();
}

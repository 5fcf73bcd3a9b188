import { runCheck } from '../../src/check/run-check.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../src/engine/engine.js';
import type { ProjectLayout } from '../../src/project/discover.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { lintStatic } from '../../src/static/lint-static.js';
import type { CaseFiles } from './case-files.js';
import { pgvigilClaim } from './hazard-rules.js';
import type { ToolRun } from './tool-run.js';

const settings = resolveRuleSettings({ rules: {} }, allRuleMetas);

/** The truth is measured on PostgreSQL 15: both modes are asked to judge for that version. */
const TRUTH_SERVER_VERSION = 150000;

function layoutOf(files: CaseFiles): ProjectLayout {
  return { root: files.dir, schemaFiles: [files.schema], migrationFiles: [files.migration] };
}

function toRun(files: CaseFiles, diagnostics: readonly Diagnostic[]): ToolRun {
  const setupError = diagnostics.find((d) => d.file === files.schema && d.severity === 'error');
  const findings = diagnostics
    .filter((d) => d.file === files.migration)
    .map((d) => ({ rule: d.rule, claim: pgvigilClaim(d.rule) }));
  return setupError ? { findings, error: `setup: ${setupError.message}` } : { findings };
}

/**
 * Semantic mode, lint-like (migration rules only), through the library: the setup as the schema,
 * the migration as a migration file, judged for PostgreSQL 15 (as --pg-version 15 does: the engine
 * still runs its own version). The default engine is the embedded one; pass one to use a server.
 */
export async function runPgvigilSemantic(files: CaseFiles, engine?: Engine): Promise<ToolRun> {
  const { diagnostics } = await runCheck(layoutOf(files), settings, {
    schemaRules: false,
    serverVersion: TRUTH_SERVER_VERSION,
    ...(engine ? { engine } : {}),
  });
  return toRun(files, diagnostics);
}

/** Static mode (`lint --static`): no engine; the setup only tells it which relations exist. */
export async function runPgvigilStatic(files: CaseFiles): Promise<ToolRun> {
  const { diagnostics } = await lintStatic(layoutOf(files), settings, {
    serverVersion: TRUTH_SERVER_VERSION,
  });
  return toRun(files, diagnostics);
}

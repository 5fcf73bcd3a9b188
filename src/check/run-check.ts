import { readCatalog } from '../catalog/read-catalog.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { openPglite } from '../engine/pglite.js';
import { extensionsCreatedIn } from '../engine/pglite-extensions.js';
import { applyMigration } from '../migrate/apply-migration.js';
import { SyntheticRows } from '../migrate/synthetic-fill.js';
import type { TableSizes } from '../migrate/table-sizes.js';
import { projectCodeFindings } from '../nplusone/project-code.js';
import { applyFile } from '../project/apply-file.js';
import type { ProjectLayout } from '../project/discover.js';
import { makeLocator } from '../project/locate.js';
import { trackOrigins } from '../project/origins.js';
import { type SqlFile, sqlFileFrom } from '../project/sql-file.js';
import type { ReportPlan } from '../reporters/report.js';
import { fallbackRules, migrationRules, schemaRules } from '../rules/registry.js';
import { initSql } from '../sql/parser.js';
import { stoppedTrace } from '../trace/stopped-trace.js';
import { filterIgnored, type LoadedMigrations, migrationsOf, sourceTexts } from './project-files.js';

// Moved to project-files.ts (lint --static needs them without the engine); kept here for their users.
export { filterIgnored, type LoadedMigrations, migrationsOf, sourceTexts };

import { checkQueryFile, sqlFilesIn } from './query-files.js';
import { runSchemaRules } from './schema-analysis.js';

export interface CheckResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, path as the user gave it → text, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** The estimated plan of every query in the queries folder, for the HTML report. */
  readonly plans?: readonly ReportPlan[];
  /** Lines for stderr that are no finding: a migrations folder that holds no migration. */
  readonly notes?: readonly string[];
}

const LOAD_CONTEXT = 'The statements after it ran without its effect, so later findings may be off.';

/** What a run does besides applying the project: `lint` judges migrations only. */
export interface CheckOptions {
  /** An engine the caller owns (and closes); by default a fresh embedded one. */
  readonly engine?: Engine;
  /** Run the schema rules on the final catalog (default true). */
  readonly schemaRules?: boolean;
  /** Override the tools' own transaction handling: every migration in one, or none in any. */
  readonly transaction?: 'assume' | 'none';
  /** Table sizes from a live database's statistics (readTableSizes): small tables are not assumed busy. */
  readonly tableSizes?: TableSizes;
  /** The PostgreSQL version the rules' advice follows (--pg-version), instead of the engine's. */
  readonly serverVersion?: number;
}

/** The contrib extensions the project's SQL creates, found before the engine starts so it registers only those. */
function extensionsOf(layout: ProjectLayout, loaded: LoadedMigrations): string[] {
  const schemas = layout.schemaFiles.map((file) => loaded.texts.read(file) ?? '');
  return extensionsCreatedIn([...schemas, ...loaded.migrations.map((migration) => migration.up.sql)]);
}

async function loadProject(
  engine: Engine,
  layout: ProjectLayout,
  settings: ReadonlyMap<string, RuleSettings>,
  loaded: LoadedMigrations,
  sizes: TableSizes | undefined,
  serverVersion: number | undefined,
) {
  const tracker = await trackOrigins(engine);
  const applied: SqlFile[] = [];
  for (const file of layout.schemaFiles)
    applied.push(await applyFile(engine, sqlFileFrom(file, loaded.texts.text(file)), tracker, LOAD_CONTEXT));
  const downs: SqlFile[] = [];
  const rows = new SyntheticRows();
  const env = {
    engine,
    origins: tracker,
    rules: migrationRules,
    fallbacks: fallbackRules,
    settings,
    rows,
    ...(sizes && { sizes }),
    ...(serverVersion && { serverVersion }),
  };
  for (const [index, migration] of loaded.migrations.entries()) {
    try {
      applied.push(await applyMigration(env, migration));
    } catch (error) {
      // A connection lost mid-trace (--db): the migrations traced before it are reported, marked partial.
      throw await stoppedTrace(error, loaded.migrations, index, applied, loaded.diagnostics);
    }
    // check does not run down steps (verify does), but one that does not parse is still a finding.
    if (migration.down) downs.push(sqlFileFrom(migration.down.file, migration.down.sql));
  }
  return { applied, downs, folderProblems: loaded.diagnostics, origins: tracker.origins };
}

/**
 * `pgvigil check`: loads the schema, then each migration's up step, into the embedded engine,
 * statement by statement; plans the queries against the result; runs every schema rule on the
 * final catalog.
 */
export async function runCheck(
  layout: ProjectLayout,
  settings: ReadonlyMap<string, RuleSettings>,
  options: CheckOptions = {},
): Promise<CheckResult> {
  // The application's code needs no engine: query calls in loops (no-query-in-loop), read in a
  // worker thread from now on. Lint, which turns the schema rules off, judges migrations only.
  const code =
    options.schemaRules === false
      ? Promise.resolve({ diagnostics: [], sources: new Map<string, string>() })
      : projectCodeFindings(layout.root, settings);
  // Handled when awaited below; this keeps an early failure of the engine from leaving it unhandled.
  code.catch(() => undefined);
  // The parser's WASM and the engine load at the same time: start-up is most of a small check.
  const loaded = await migrationsOf(layout, options);
  const extensions = options.engine ? [] : extensionsOf(layout, loaded);
  const [, engine] = await Promise.all([initSql(), options.engine ?? openPglite({ extensions })]);
  try {
    const { applied, downs, folderProblems, origins } = await loadProject(
      engine,
      layout,
      settings,
      loaded,
      options.tableSizes,
      options.serverVersion,
    );
    const queries = [];
    if (layout.queriesDir) {
      for (const file of await sqlFilesIn(layout.queriesDir))
        queries.push(
          await checkQueryFile(engine, file, {
            settings,
            ...(options.tableSizes && { tableSizes: options.tableSizes }),
          }),
        );
    }
    const splits = new Map(applied.map((file) => [file.file, file.split]));
    const files: SqlFile[] = [...applied, ...downs, ...queries];
    const schemaFindings =
      options.schemaRules === false
        ? []
        : runSchemaRules(schemaRules, settings, await readCatalog(engine), makeLocator(origins, splits));
    const { diagnostics: codeDiagnostics, sources: codeSources } = await code;
    const diagnostics = [
      ...folderProblems,
      ...files.flatMap((file) => file.diagnostics),
      ...schemaFindings,
      ...codeDiagnostics,
    ];
    return {
      diagnostics: filterIgnored(files, diagnostics),
      sources: new Map([...sourceTexts(files, loaded.texts), ...codeSources]),
      plans: queries.flatMap((query) => query.plans),
      notes: loaded.notes,
    };
  } finally {
    // An engine handed in belongs to the caller.
    if (!options.engine) await engine.close();
  }
}

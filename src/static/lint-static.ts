import { filterIgnored, migrationsOf, sourceTexts } from '../check/project-files.js';
import type { CheckOptions, CheckResult } from '../check/run-check.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { ProjectLayout } from '../project/discover.js';
import { type SqlFile, sqlFileFrom } from '../project/sql-file.js';
import { migrationRules } from '../rules/registry.js';
import { initSql } from '../sql/parser.js';
import { lintMigration } from './lint-migration.js';
import { predictStatement } from './predict-statement.js';
import { applyEffects, cloneCatalog, EMPTY_CATALOG, type StaticCatalog } from './static-catalog.js';

/** PostgreSQL 18, as the embedded engine: the version static mode judges for without --pg-version. */
export const STATIC_DEFAULT_VERSION = 180000;

/** A schema file read only for what it creates: no rule judges it, nothing runs. */
function learnFrom(catalog: StaticCatalog, file: SqlFile, serverVersion: number): StaticCatalog {
  let known = catalog;
  for (const statement of file.split.statements) {
    const input = { catalog: known, serverVersion, createdHere: new Set<string>() };
    known = applyEffects(known, predictStatement(input, statement, false).effects);
  }
  return known;
}

/**
 * `pgvigil lint --static`: the migration rules on every statement, fed predicted observations from
 * the parse tree instead of observed ones; no engine starts. The --schema files only tell which
 * relations exist.
 */
export async function lintStatic(
  layout: ProjectLayout,
  settings: ReadonlyMap<string, RuleSettings>,
  options: Pick<CheckOptions, 'transaction' | 'serverVersion'> = {},
): Promise<CheckResult> {
  const [loaded] = await Promise.all([migrationsOf(layout, options), initSql()]);
  const serverVersion = options.serverVersion ?? STATIC_DEFAULT_VERSION;
  const env = { rules: migrationRules, settings, serverVersion };
  // Through the run's reader: the reporters' code frames show them without reading them again.
  const schemas = layout.schemaFiles.map((file) => sqlFileFrom(file, loaded.texts.text(file)));
  let catalog = schemas.reduce(
    (known, file) => learnFrom(known, file, serverVersion),
    cloneCatalog(EMPTY_CATALOG),
  );
  const files: SqlFile[] = [...schemas];
  const downs: SqlFile[] = [];
  for (const migration of loaded.migrations) {
    const linted = lintMigration(env, catalog, migration);
    catalog = linted.catalog;
    files.push(linted.file);
    if (migration.down) downs.push(sqlFileFrom(migration.down.file, migration.down.sql));
  }
  const all = [...files, ...downs];
  const diagnostics = [...loaded.diagnostics, ...all.flatMap((file) => file.diagnostics)];
  return {
    diagnostics: filterIgnored(all, diagnostics),
    sources: sourceTexts(all, loaded.texts),
    notes: loaded.notes,
  };
}

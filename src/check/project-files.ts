import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProjectLayout } from '../project/discover.js';
import type { SqlFile } from '../project/sql-file.js';
import { knownRuleIds } from '../rules/registry.js';
import { loadMigrations } from '../sources/migrations/list-migrations.js';
import { migrationFromFile } from '../sources/migrations/single-file.js';
import { applyIgnores, readIgnores } from '../sql/ignore.js';

/** How a run reads migrations: the tools' own transaction handling, or every migration in one, or none. */
export interface MigrationReadOptions {
  readonly transaction?: 'assume' | 'none';
}

export async function migrationsOf(layout: ProjectLayout, options: MigrationReadOptions) {
  const loaded = layout.migrationsDir
    ? await loadMigrations(layout.migrationsDir, layout.migrationFormat)
    : { migrations: [], diagnostics: [] };
  const single = await Promise.all((layout.migrationFiles ?? []).map(migrationFromFile));
  const inTransaction = options.transaction === undefined ? undefined : options.transaction === 'assume';
  const migrations = [...loaded.migrations, ...single].map((migration) =>
    inTransaction === undefined ? migration : { ...migration, inTransaction },
  );
  return { migrations, diagnostics: loaded.diagnostics };
}

export type LoadedMigrations = Awaited<ReturnType<typeof migrationsOf>>;

/**
 * Each file's own text, for code frames: a migration step's text has the file's other steps
 * blanked, and a file holding both an up and a down must show both.
 */
export async function sourceTexts(files: readonly SqlFile[]): Promise<Map<string, string>> {
  const paths = [...new Set(files.map(({ file }) => file))];
  const texts = await Promise.all(paths.map((file) => readFile(file, 'utf8').catch(() => '')));
  return new Map(paths.map((file, i) => [file, texts[i] ?? '']));
}

/** Keeps what no ignore comment silences, plus a finding for every ignore comment naming no rule. */
export function filterIgnored(files: readonly SqlFile[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const directives = files.flatMap((file) => readIgnores(file.split.comments, file.split.statements));
  const { kept, extra } = applyIgnores(diagnostics, directives, knownRuleIds);
  return [...kept, ...extra];
}

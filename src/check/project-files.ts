import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProjectLayout } from '../project/discover.js';
import type { SqlFile } from '../project/sql-file.js';
import { knownRuleIds } from '../rules/registry.js';
import { FileTexts } from '../sources/file-texts.js';
import { loadMigrations, noMigrationsNote } from '../sources/migrations/list-migrations.js';
import { migrationFromFile } from '../sources/migrations/single-file.js';
import { applyIgnores, readIgnores } from '../sql/ignore.js';
import { isStdin, stdinText } from '../util/stdin.js';

/** How a run reads migrations: the tools' own transaction handling, or every migration in one, or none. */
export interface MigrationReadOptions {
  readonly transaction?: 'assume' | 'none';
}

/**
 * The layout's migrations; `texts` holds what was read, for sourceTexts to show without reading
 * again; `notes`, a line for stderr when the migrations folder holds none.
 */
export async function migrationsOf(layout: ProjectLayout, options: MigrationReadOptions) {
  const texts = new FileTexts();
  const loaded = layout.migrationsDir
    ? await loadMigrations(layout.migrationsDir, layout.migrationFormat, texts)
    : undefined;
  const empty =
    loaded && layout.migrationsDir
      ? noMigrationsNote(layout.migrationsDir, loaded, layout.migrationFormat !== undefined)
      : undefined;
  // Standard input is read now, as it comes: FileTexts reads synchronously.
  if (layout.migrationFiles?.some(isStdin)) await stdinText();
  const single = (layout.migrationFiles ?? []).map((file) => migrationFromFile(file, texts));
  const inTransaction = options.transaction === undefined ? undefined : options.transaction === 'assume';
  const migrations = [...(loaded?.migrations ?? []), ...single].map((migration) =>
    inTransaction === undefined ? migration : { ...migration, inTransaction },
  );
  return { migrations, diagnostics: loaded?.diagnostics ?? [], texts, notes: empty ? [empty] : [] };
}

export type LoadedMigrations = Awaited<ReturnType<typeof migrationsOf>>;

/**
 * Each file's own text, for code frames: a migration step's text has the file's other steps
 * blanked, and a file holding both an up and a down must show both.
 */
export function sourceTexts(files: readonly SqlFile[], texts = new FileTexts()): Map<string, string> {
  return new Map(files.map(({ file }) => [file, texts.read(file) ?? '']));
}

/** Keeps what no ignore comment silences, plus a finding for every ignore comment naming no rule. */
export function filterIgnored(files: readonly SqlFile[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const directives = files.flatMap((file) => readIgnores(file.split.comments, file.split.statements));
  const { kept, extra } = applyIgnores(diagnostics, directives, knownRuleIds);
  return [...kept, ...extra];
}

import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { pathIn, readText } from './folder.js';
import { folderProblem } from './folder-problem.js';
import type { FolderListing, Migration, MigrationFormat, MigrationStep } from './migration.js';
import { wholeFile } from './step-text.js';

/** One `<version>_<name>.up.sql` / `.down.sql` file, as a tool with separate files names it. */
export interface StepFile {
  readonly fileName: string;
  readonly version: string;
  readonly name: string;
  readonly direction: 'up' | 'down';
}

export interface FilePair<T extends StepFile> {
  readonly up: T;
  readonly down?: T;
}

/**
 * Groups up and down files by version, in the tool's order. A second file for the same version
 * and direction, and a down with no up, are reported and left out.
 */
export function pairByVersion<T extends StepFile>(
  listing: FolderListing,
  files: readonly T[],
  compare: (a: string, b: string) => number,
): { readonly pairs: readonly FilePair<T>[]; readonly diagnostics: readonly Diagnostic[] } {
  const byVersion = new Map<string, { up?: T; down?: T }>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const entry = byVersion.get(file.version) ?? {};
    const taken = entry[file.direction];
    if (taken) {
      diagnostics.push(
        folderProblem(
          pathIn(listing, file.fileName),
          `Version ${file.version} already has a ${file.direction} file (${taken.fileName}); this one is left out.`,
          'Give each migration its own version number.',
        ),
      );
      continue;
    }
    byVersion.set(file.version, { ...entry, [file.direction]: file });
  }
  const pairs: FilePair<T>[] = [];
  for (const [version, { up, down }] of [...byVersion].sort(([a], [b]) => compare(a, b))) {
    if (up) pairs.push({ up, down });
    else if (down)
      diagnostics.push(
        folderProblem(
          pathIn(listing, down.fileName),
          `Down file without an up file for version ${version}; it is left out.`,
          'Add the up file, or delete this down file.',
        ),
      );
  }
  return { pairs, diagnostics };
}

/** Reads one file as a whole-file step; an unreadable file becomes a diagnostic. */
export async function readStep(
  listing: FolderListing,
  fileName: string,
  diagnostics: Diagnostic[],
): Promise<MigrationStep | undefined> {
  const file = pathIn(listing, fileName);
  const text = readText(listing, file);
  if (text === undefined)
    diagnostics.push(
      folderProblem(
        file,
        `Cannot read ${fileName}; it is left out.`,
        'Check that it is there (a symbolic link must lead to a file) and that it may be read.',
      ),
    );
  return text === undefined ? undefined : wholeFile(file, text);
}

/** Reads every pair into migrations; `inTransaction` decides per step, up and down alike. */
export async function readPairs<T extends StepFile>(
  listing: FolderListing,
  format: MigrationFormat,
  paired: { readonly pairs: readonly FilePair<T>[]; readonly diagnostics: readonly Diagnostic[] },
  inTransaction: (up: MigrationStep, file: T) => Promise<boolean>,
): Promise<{ readonly migrations: Migration[]; readonly diagnostics: Diagnostic[] }> {
  const diagnostics = [...paired.diagnostics];
  const migrations: Migration[] = [];
  for (const pair of paired.pairs) {
    const up = await readStep(listing, pair.up.fileName, diagnostics);
    if (!up) continue;
    const down = pair.down && (await readStep(listing, pair.down.fileName, diagnostics));
    migrations.push({
      format,
      version: pair.up.version,
      name: pair.up.name,
      up,
      down,
      inTransaction: await inTransaction(up, pair.up),
      // The down file is sent on its own: a single statement there runs outside any transaction.
      ...(down && pair.down && { downInTransaction: await inTransaction(down, pair.down) }),
    });
  }
  return { migrations, diagnostics };
}

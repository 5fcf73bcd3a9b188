import { filterIgnored, sourceTexts } from '../check/project-files.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { incompleteRun, lostConnection } from '../migrate/incomplete-run.js';
import type { SqlFile } from '../project/sql-file.js';
import type { Migration } from '../sources/migrations/migration.js';

/**
 * What to throw when migration `index` failed with `error`: for a connection lost mid-run, an
 * IncompleteRun holding the findings of the migrations traced before it; else the error itself.
 */
export async function stoppedTrace(
  error: unknown,
  migrations: readonly Migration[],
  index: number,
  applied: readonly SqlFile[],
  folderProblems: readonly Diagnostic[],
): Promise<unknown> {
  const lost = lostConnection(error);
  if (!lost) return error;
  const diagnostics = filterIgnored(applied, [
    ...folderProblems,
    ...applied.flatMap((file) => file.diagnostics),
  ]);
  const at = { command: 'trace', migrations, index } as const;
  return incompleteRun(lost, at, { diagnostics, sources: sourceTexts(applied) });
}

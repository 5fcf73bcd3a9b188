import type { SourceSpan } from '../diagnostics/source-span.js';
import type { MigrationStep } from '../sources/migrations/migration.js';

/**
 * Where a step begins: its first character that is not blank (a section's marker comment, or its
 * first statement), else the file's first line. Findings about a whole step point there.
 */
export function stepStart(step: MigrationStep): SourceSpan {
  const at = step.sql.search(/\S/);
  if (at < 0) return { file: step.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const before = step.sql.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  const end = step.sql.indexOf('\n', at);
  const endColumn = (end < 0 ? step.sql.length : end) - (at - column + 1) + 1;
  return { file: step.file, line, column, endLine: line, endColumn };
}

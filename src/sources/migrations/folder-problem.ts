import { UNSUPPORTED_INPUT } from '../../diagnostics/builtin.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { inputDiagnostic } from '../../sql/input-diagnostic.js';

/**
 * A migration file the tool itself would refuse or skip (a down without an up, a duplicate
 * version, a missing marker). It is reported and left out; the other migrations still run.
 */
export function folderProblem(file: string, message: string, help: string, line = 1): Diagnostic {
  return inputDiagnostic(
    UNSUPPORTED_INPUT,
    { file, line, column: 1, endLine: line, endColumn: 1 },
    {
      message,
      why: 'pgvigil left this file out, so the migrations after it run without its effect.',
      help,
    },
  );
}

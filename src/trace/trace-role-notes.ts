import type { CheckResult } from '../check/run-check.js';
import { roleNoteDiagnostics } from '../migrate/role-notes.js';
import type { LeftAlone } from '../migrate/role-recorder.js';
import { sqlFileFrom } from '../project/sql-file.js';

/** The trace's findings and one info finding at each statement left alone for acting on a role of the server. */
export function traceRoleNotes(result: CheckResult, leftAlone: readonly LeftAlone[]): CheckResult {
  if (leftAlone.length === 0) return result;
  const files = [...result.sources]
    .filter(([file]) => file.endsWith('.sql'))
    .map(([file, text]) => sqlFileFrom(file, text));
  return { ...result, diagnostics: [...result.diagnostics, ...roleNoteDiagnostics(leftAlone, files)] };
}

import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConnectionError } from '../engine/connection-error.js';
import type { Migration } from '../sources/migrations/migration.js';
import { inputDiagnostic } from '../sql/input-diagnostic.js';
import { stepStart } from '../verify/step-start.js';

/** A run that stopped before its end: what it found until then stands, the rest was not looked at. */
export interface PartialRun {
  /** One line: where the run stopped and why. */
  readonly reason: string;
  /** The file of the migration it stopped at. */
  readonly stoppedAt: string;
}

/**
 * What a run found before the connection died under it, with where and why it stopped. A
 * ConnectionError still: a caller that does not report partial results says its one line.
 */
export class IncompleteRun extends ConnectionError {
  constructor(
    readonly partial: PartialRun,
    readonly diagnostics: readonly Diagnostic[],
    readonly sources: ReadonlyMap<string, string>,
    code: string | undefined,
  ) {
    super(partial.reason, code);
  }
}

export interface StopPoint {
  readonly command: 'verify' | 'trace';
  readonly migrations: readonly Migration[];
  readonly index: number;
}

/**
 * The connection lost mid-run (server killed, backend terminated, network reset), or undefined
 * for any other failure: only a lost connection leaves results worth keeping.
 */
export function lostConnection(error: unknown): ConnectionError | undefined {
  return error instanceof ConnectionError ? error : undefined;
}

/**
 * The run as far as it got: the findings `done` holds, then one error at the migration it stopped
 * at, saying so. The report is marked partial (and the exit code is 2).
 */
export function incompleteRun(
  lost: ConnectionError,
  at: StopPoint,
  done: { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> },
): IncompleteRun {
  const migration = at.migrations[at.index];
  if (!migration) throw lost;
  const step = migration.up;
  const where = `migration ${at.index + 1} of ${at.migrations.length}`;
  const reason = `${at.command} stopped at ${step.file} (${where}): ${lost.userMessage}`;
  const stop: Diagnostic = inputDiagnostic(STATEMENT_FAILED, stepStart(step), {
    message: `${at.command} stopped here (${where}): ${lost.userMessage}`,
    why: `The findings of the ${at.index} migration(s) before it stand; this one and the ${at.migrations.length - at.index - 1} after it were not ${at.command === 'verify' ? 'verified' : 'traced'}.`,
    help: 'Run again when the server is back; a scratch database or role the run could not drop is dropped by the next run on that server.',
    data: { partial: true },
  });
  const sources = new Map(done.sources);
  if (!sources.has(step.file)) sources.set(step.file, step.sql);
  return new IncompleteRun({ reason, stoppedAt: step.file }, [...done.diagnostics, stop], sources, lost.code);
}

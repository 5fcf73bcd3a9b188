import { UNSUPPORTED_INPUT } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SqlFile } from '../project/sql-file.js';
import { inputDiagnostic } from '../sql/input-diagnostic.js';
import type { RoleLeftAlone } from './role-recorder.js';

const WHY =
  'Roles belong to the whole server, not to the scratch database pgvigil runs the migrations in: the database is dropped afterwards, a role changed in it would stay changed. pgvigil changes only the roles its own run created.';

function message(note: RoleLeftAlone): string {
  const named = note.roles.length > 0 ? note.roles.join(', ') : "the session's user";
  if (note.kind === 'create')
    return `Role ${named} already exists on this server and this run did not create it: pgvigil left it untouched and went on as if this statement had run.`;
  return `This statement changes ${named}, a role of this server this run did not create: pgvigil did not run it and went on as if it had.`;
}

function help(note: RoleLeftAlone): string {
  return note.kind === 'create'
    ? 'Nothing to do if the role is meant to exist already; on a server without it this statement creates it.'
    : 'Nothing to do: on your own server the statement runs as written.';
}

/**
 * One info finding per statement the RoleRecorder left alone, at that statement: found by its
 * text among the files of the run (the up step runs more than once in verify; it counts once).
 */
export function roleNoteDiagnostics(
  notes: readonly RoleLeftAlone[],
  files: readonly SqlFile[],
): Diagnostic[] {
  const found = new Map<string, Diagnostic>();
  for (const note of notes) {
    for (const file of files) {
      const statement = file.split.statements.find((candidate) => candidate.text === note.sql);
      if (!statement) continue;
      const key = `${file.file}\u0000${statement.span.line}`;
      if (!found.has(key))
        found.set(key, {
          ...inputDiagnostic(UNSUPPORTED_INPUT, statement.span, {
            message: message(note),
            why: WHY,
            help: help(note),
          }),
          severity: 'info',
          data: { roles: note.roles, leftAlone: true },
        });
      break;
    }
  }
  return [...found.values()];
}

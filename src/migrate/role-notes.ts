import { UNSUPPORTED_INPUT } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SqlFile } from '../project/sql-file.js';
import { inputDiagnostic } from '../sql/input-diagnostic.js';
import type { LeftAlone } from './role-recorder.js';

const WHY_ROLE =
  'Roles belong to the whole server, not to the scratch database pgvigil runs the migrations in: the database is dropped afterwards, a role changed in it would stay changed. pgvigil changes only the roles its own run created.';

const WHY_OUTSIDE =
  'pgvigil runs the migrations in a scratch database it drops afterwards; this statement reaches past it, into your server, and pgvigil never changes anything there.';

function message(note: LeftAlone): string {
  if (note.kind === 'outside')
    return `This statement changes ${note.what}, outside the scratch database: pgvigil did not run it and went on as if it had.`;
  const named = note.roles.length > 0 ? note.roles.join(', ') : "the session's user";
  if (note.kind === 'create')
    return `Role ${named} already exists on this server and this run did not create it: pgvigil left it untouched and went on as if this statement had run.`;
  return `This statement changes ${named}, a role of this server this run did not create: pgvigil did not run it and went on as if it had.`;
}

function help(note: LeftAlone): string {
  if (note.kind === 'outside')
    return 'Nothing to do if it is meant: on your own server the statement runs as written. Findings that depend on its effect are not reported.';
  return note.kind === 'create'
    ? 'Nothing to do if the role is meant to exist already; on a server without it this statement creates it.'
    : 'Nothing to do: on your own server the statement runs as written.';
}

/**
 * One info finding per statement the RoleRecorder left alone, at that statement: found by its
 * text among the files of the run (the up step runs more than once in verify; it counts once).
 */
export function roleNoteDiagnostics(notes: readonly LeftAlone[], files: readonly SqlFile[]): Diagnostic[] {
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
            why: note.kind === 'outside' ? WHY_OUTSIDE : WHY_ROLE,
            help: help(note),
          }),
          severity: 'info',
          data:
            note.kind === 'outside'
              ? { outside: note.what, leftAlone: true }
              : { roles: note.roles, leftAlone: true },
        });
      break;
    }
  }
  return [...found.values()];
}

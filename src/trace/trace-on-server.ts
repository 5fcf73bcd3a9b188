import type { CheckResult } from '../check/run-check.js';
import type { Engine } from '../engine/engine.js';
import type { PartialRun } from '../migrate/incomplete-run.js';

/**
 * The trace writes: on a server it runs in a scratch database built from --schema, never in the
 * database of the URL; roles are the cluster's, so those the migrations create go with it, and
 * those they would change but did not create are left alone (an info finding says so). A
 * connection lost mid-run gives the findings of the migrations traced before it, marked partial.
 */
export async function traceOnServer(
  db: string,
  timeoutMs: number | undefined,
  check: (engine: Engine) => Promise<CheckResult>,
): Promise<CheckResult & { readonly partial?: PartialRun }> {
  const [{ withScratchDatabase }, { withCreatedRolesDropped }, { IncompleteRun }, { traceRoleNotes }] =
    await Promise.all([
      import('../engine/scratch.js'),
      import('../migrate/created-roles.js'),
      import('../migrate/incomplete-run.js'),
      import('./trace-role-notes.js'),
    ]);
  const session = timeoutMs === undefined ? {} : { session: { statementTimeoutMs: timeoutMs } };
  const createdRoles = new Set<string>();
  try {
    return await withScratchDatabase(
      db,
      (engine) =>
        withCreatedRolesDropped(
          engine,
          async (recorder) => traceRoleNotes(await check(recorder), recorder.leftAlone),
          createdRoles,
        ),
      { ...session, createdRoles },
    );
  } catch (error) {
    if (!(error instanceof IncompleteRun)) throw error;
    const { diagnostics, sources, partial } = error;
    return { diagnostics, sources, partial };
  }
}

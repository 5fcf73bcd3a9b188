import type { CheckResult } from '../check/run-check.js';
import type { Engine } from '../engine/engine.js';

/**
 * The trace writes: on a server it runs in a scratch database built from --schema, never in the
 * database of the URL; roles are the cluster's, so those the migrations create go with it.
 */
export async function traceOnServer(
  db: string,
  timeoutMs: number | undefined,
  check: (engine: Engine) => Promise<CheckResult>,
): Promise<CheckResult> {
  const [{ withScratchDatabase }, { withCreatedRolesDropped }] = await Promise.all([
    import('../engine/scratch.js'),
    import('../migrate/created-roles.js'),
  ]);
  const session = timeoutMs === undefined ? {} : { session: { statementTimeoutMs: timeoutMs } };
  return withScratchDatabase(
    db,
    (engine) => withCreatedRolesDropped(engine, (recorder) => check(recorder)),
    session,
  );
}

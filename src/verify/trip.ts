import type { Engine } from '../engine/engine.js';
import type { MigrationEnvironment } from '../migrate/apply-migration.js';
import type { SqlFile } from '../project/sql-file.js';
import { downInTransaction, type Migration, type MigrationStep } from '../sources/migrations/migration.js';
import { type CatalogState, readStateLike } from './catalog-state.js';
import { runAtomically } from './run-atomically.js';
import { runStep, stepFailed } from './run-step.js';
import { fingerprintTables, type TableFingerprint } from './table-fingerprint.js';

/** Down (S2, with the rows) and up again (S3); a state is missing when its step failed. */
export interface BackAndForth {
  readonly down: SqlFile;
  readonly s2?: CatalogState;
  readonly rows2?: ReadonlyMap<string, TableFingerprint>;
  readonly redo?: SqlFile;
  readonly s3?: CatalogState;
}

/** The states the round trip should come back to: s0 after down, s1 after up again. */
export interface Expected {
  readonly s0: CatalogState;
  readonly s1: CatalogState;
}

type StepRunner = (engine: Engine, step: MigrationStep, inTransaction: boolean) => Promise<SqlFile>;

async function backAndForth(
  engine: Engine,
  migration: Migration,
  run: StepRunner,
  { s0, s1 }: Expected,
): Promise<BackAndForth> {
  const down = await run(engine, migration.down as MigrationStep, downInTransaction(migration));
  if (stepFailed(down)) return { down };
  const s2 = await readStateLike(engine, s0);
  const rows2 = await fingerprintTables(engine, s2.snapshot.tables);
  const redo = await run(engine, migration.up, migration.inTransaction);
  if (stepFailed(redo)) return { down, s2, rows2, redo };
  return { down, s2, rows2, redo, s3: await readStateLike(engine, s1) };
}

/** Both steps run in the tool's transaction: down and up again can run in one that is rolled back. */
export function tripRolledBack(migration: Migration): boolean {
  return migration.inTransaction && downInTransaction(migration);
}

/**
 * Runs the migration's down step, then its up step again, from s1. For a migration its tool runs
 * in a transaction both ways both run in one that is rolled back, so the database is at s1
 * afterwards whatever they did; otherwise they run for real, each in its own transaction mode.
 * `context` explains a refused statement of a down step run in a transaction.
 */
export function downAndUpAgain(
  env: MigrationEnvironment,
  migration: Migration,
  expected: Expected,
  context: string,
): Promise<BackAndForth> {
  if (!tripRolledBack(migration))
    return backAndForth(
      env.engine,
      migration,
      (_, step, inTx) => runStep(env, migration, step, inTx),
      expected,
    );
  return env.engine.transaction(
    (tx) => backAndForth(tx, migration, (e, step) => runAtomically(e, step, context), expected),
    { rollback: true },
  );
}

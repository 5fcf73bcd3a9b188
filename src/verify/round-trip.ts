import { diffCatalogs } from '../catalog/diff.js';
import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import type { MigrationEnvironment } from '../migrate/apply-migration.js';
import { readRelationState } from '../observe/relation-state.js';
import type { SqlFile } from '../project/sql-file.js';
import type { Migration, MigrationStep } from '../sources/migrations/migration.js';
import { type CatalogState, readStateLike } from './catalog-state.js';
import { lossCandidates, observedLosses, restoredShape } from './data-loss.js';
import { afterDownFindings, lossFindings, missingDown, redoFindings } from './reversal-findings.js';
import { runAtomically } from './run-atomically.js';
import { runStep, stepFailed } from './run-step.js';
import { stepStart } from './step-start.js';
import { fingerprintTables, type TableFingerprint } from './table-fingerprint.js';

/** What one migration's round trip found, and the catalog the next migration starts from. */
export interface RoundTrip {
  readonly diagnostics: readonly Diagnostic[];
  /** Every step run, for ignore comments and code frames. */
  readonly files: readonly SqlFile[];
  /** Undefined when the database is not as the up step left it and must be rebuilt. */
  readonly after?: CatalogState;
}

const DOWN_FAILED =
  'Rolling back this migration fails: its tool rolls the down step back, and the database stays as the up step left it.';
const DOWN_FAILED_HALFWAY =
  'Rolling back this migration fails halfway, outside a transaction. pgvigil rebuilt the database up to this migration and went on with the next one.';

/** Down (S2, with the rows) and up again (S3); a snapshot is missing when its step failed. */
interface BackAndForth {
  readonly down: SqlFile;
  readonly s2?: CatalogState;
  readonly rows2?: ReadonlyMap<string, TableFingerprint>;
  readonly redo?: SqlFile;
  readonly s3?: CatalogState;
}

type StepRunner = (engine: Engine, step: MigrationStep) => Promise<SqlFile>;

/** The states the round trip should come back to: s0 after down, s1 after up again. */
interface Expected {
  readonly s0: CatalogState;
  readonly s1: CatalogState;
}

async function backAndForth(
  engine: Engine,
  migration: Migration,
  run: StepRunner,
  { s0, s1 }: Expected,
): Promise<BackAndForth> {
  const down = await run(engine, migration.down as MigrationStep);
  if (stepFailed(down)) return { down };
  const s2 = await readStateLike(engine, s0);
  const rows2 = await fingerprintTables(engine, s2.snapshot.tables);
  const redo = await run(engine, migration.up);
  if (stepFailed(redo)) return { down, s2, rows2, redo };
  return { down, s2, rows2, redo, s3: await readStateLike(engine, s1) };
}

/**
 * One migration's round trip from the catalog s0 it starts at: up (s1), down (s2), up again (s3).
 * The down must give back s0 and the second up s1. Every table holds synthetic rows, so a down
 * that restores a dropped table or column but not its values is seen. For a migration its tool
 * runs in a transaction, down and up again run in one that is rolled back, so the next migration
 * starts from s1 whatever the down did; otherwise they run for real and a bad state asks for a rebuild.
 */
export async function roundTrip(
  env: MigrationEnvironment,
  migration: Migration,
  s0: CatalogState,
): Promise<RoundTrip> {
  const { engine, settings } = env;
  await env.rows.fillNewTables(engine, await readRelationState(engine));
  const rows0 = await fingerprintTables(engine, s0.snapshot.tables);
  const up = await runStep(env, migration, migration.up);
  // A migration that changes only rows leaves the catalog as it was: no second read then.
  const s1 = await readStateLike(engine, s0);
  // A failed up is already reported; a round trip from a half-applied state would only add noise.
  if (stepFailed(up)) return { diagnostics: up.diagnostics, files: [up], after: s1 };
  if (!migration.down)
    return { diagnostics: [...up.diagnostics, ...missingDown(settings, migration)], files: [up], after: s1 };
  // Rows for the tables the up created, committed so the rolled-back trip does not take them along.
  await env.rows.fillNewTables(engine, await readRelationState(engine));
  const trip = migration.inTransaction
    ? await engine.transaction(
        (tx) => backAndForth(tx, migration, (e, step) => runAtomically(e, step, DOWN_FAILED), { s0, s1 }),
        {
          rollback: true,
        },
      )
    : await backAndForth(engine, migration, (_, step) => runStep(env, migration, step), { s0, s1 });
  const files = [up, trip.down, ...(trip.redo ? [trip.redo] : [])];
  const at = stepStart(migration.down);
  if (!trip.s2) {
    const why = migration.inTransaction ? DOWN_FAILED : DOWN_FAILED_HALFWAY;
    const refused = trip.down.diagnostics.map((d) => (d.rule === STATEMENT_FAILED.id ? { ...d, why } : d));
    return {
      diagnostics: [...up.diagnostics, ...refused],
      files,
      ...(migration.inTransaction && { after: s1 }),
    };
  }
  const undone = diffCatalogs(s0.snapshot, trip.s2.snapshot);
  const candidates = restoredShape(lossCandidates(s0.snapshot, s1.snapshot), trip.s2.snapshot);
  const losses = observedLosses(candidates, rows0, trip.rows2 ?? new Map());
  const redone = trip.s3 ? diffCatalogs(s1.snapshot, trip.s3.snapshot) : [];
  const diagnostics = [
    ...up.diagnostics,
    ...trip.down.diagnostics,
    ...afterDownFindings(settings, undone, at),
    ...lossFindings(settings, losses, at),
    // When the down already left the schema wrong, what the second up does is a consequence of it.
    ...(undone.length > 0 || !trip.redo ? [] : redoFindings(settings, trip.redo, redone, at)),
  ];
  if (migration.inTransaction) return { diagnostics, files, after: s1 };
  const restored = trip.s3 !== undefined && redone.length === 0;
  return { diagnostics, files, ...(restored && { after: trip.s3 }) };
}

import { diffCatalogs } from '../catalog/diff.js';
import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MigrationEnvironment } from '../migrate/apply-migration.js';
import { readRelationState } from '../observe/relation-state.js';
import type { SqlFile } from '../project/sql-file.js';
import { downInTransaction, type Migration } from '../sources/migrations/migration.js';
import { type CatalogState, readStateLike } from './catalog-state.js';
import {
  type DataLoss,
  lossCandidates,
  observedLosses,
  restoredShape,
  rowCountChanges,
} from './data-loss.js';
import { checkProposal } from './propose/check-proposal.js';
import {
  afterDownFindings,
  lossFindings,
  missingDown,
  redoFindings,
  rowCountFindings,
} from './reversal-findings.js';
import { runStep, stepFailed } from './run-step.js';
import { stepStart } from './step-start.js';
import { fingerprintTables } from './table-fingerprint.js';
import { downAndUpAgain, tripRolledBack } from './trip.js';

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

/** Tables whose rows a data-loss finding already names. */
function lostTables(losses: readonly DataLoss[]): ReadonlySet<string> {
  return new Set(losses.map((loss) => loss.candidate.table.qualified));
}

/**
 * One migration's round trip from the catalog s0 it starts at: up (s1), down (s2), up again (s3).
 * The down must give back s0 and the second up s1. Every table holds synthetic rows, so a down
 * that restores a dropped table or column but not its values is seen. For a migration its tool
 * runs in a transaction both ways, down and up again run in one that is rolled back, so the next migration
 * starts from s1 whatever the down did; otherwise they run for real and a bad state asks for a rebuild.
 */
export async function roundTrip(
  env: MigrationEnvironment,
  migration: Migration,
  s0: CatalogState,
  withData = false,
): Promise<RoundTrip> {
  const { engine, settings } = env;
  await env.rows.fillNewTables(engine, await readRelationState(engine));
  const rows0 = await fingerprintTables(engine, s0.snapshot.tables);
  const up = await runStep(env, migration, migration.up);
  // A migration that changes only rows leaves the catalog as it was: no second read then.
  const s1 = await readStateLike(engine, s0);
  // A failed up is already reported; a round trip from a half-applied state would only add noise.
  if (stepFailed(up)) return { diagnostics: up.diagnostics, files: [up], after: s1 };
  if (!migration.down) {
    const proposal = await checkProposal(env, migration, { s0, s1 });
    const missing = missingDown(settings, migration, proposal.advice);
    return {
      diagnostics: [...up.diagnostics, ...missing],
      files: [up],
      ...(proposal.after && { after: proposal.after }),
    };
  }
  // Rows for the tables the up created, committed so the rolled-back trip does not take them along.
  await env.rows.fillNewTables(engine, await readRelationState(engine));
  const trip = await downAndUpAgain(env, migration, { s0, s1 }, DOWN_FAILED);
  const files = [up, trip.down, ...(trip.redo ? [trip.redo] : [])];
  const at = stepStart(migration.down);
  if (!trip.s2) {
    const why = downInTransaction(migration) ? DOWN_FAILED : DOWN_FAILED_HALFWAY;
    const refused = trip.down.diagnostics.map((d) => (d.rule === STATEMENT_FAILED.id ? { ...d, why } : d));
    return {
      diagnostics: [...up.diagnostics, ...refused],
      files,
      ...(tripRolledBack(migration) && { after: s1 }),
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
    ...(withData
      ? rowCountFindings(settings, rowCountChanges(rows0, trip.rows2 ?? new Map(), lostTables(losses)), at)
      : []),
    // When the down already left the schema wrong, what the second up does is a consequence of it.
    ...(undone.length > 0 || !trip.redo ? [] : redoFindings(settings, trip.redo, redone, at)),
  ];
  if (tripRolledBack(migration)) return { diagnostics, files, after: s1 };
  const restored = trip.s3 !== undefined && redone.length === 0;
  return { diagnostics, files, ...(restored && { after: trip.s3 }) };
}

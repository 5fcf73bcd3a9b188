import { diffCatalogs } from '../catalog/diff.js';
import type { CatalogSnapshot } from '../catalog/model.js';
import { readCatalog } from '../catalog/read-catalog.js';
import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MigrationEnvironment } from '../migrate/apply-migration.js';
import { readRelationState } from '../observe/relation-state.js';
import type { SqlFile } from '../project/sql-file.js';
import { missingDownSeverity, requireDownMigration } from '../rules/verify/require-down-migration.js';
import { reversibility } from '../rules/verify/reversibility.js';
import { reversibilityDataLoss } from '../rules/verify/reversibility-data-loss.js';
import type { Migration, MigrationStep } from '../sources/migrations/migration.js';
import { lossCandidates, observedLosses, restoredShape } from './data-loss.js';
import { describeAfterDown, describeAfterRedo } from './describe-reversal.js';
import { runStep, stepFailed } from './run-step.js';
import { stepStart } from './step-start.js';
import { fingerprintTables } from './table-fingerprint.js';
import { verifyFinding } from './verify-finding.js';

/** What one migration's round trip found, and the catalog the next migration starts from. */
export interface RoundTrip {
  readonly diagnostics: readonly Diagnostic[];
  /** Every step run, for ignore comments and code frames. */
  readonly files: readonly SqlFile[];
  /** Undefined when the down step failed: the database is in no state a tool would leave it in. */
  readonly after?: CatalogSnapshot;
}

const DOWN_FAILED =
  'Rolling back this migration fails. pgvigil rebuilt the database up to this migration and went on with the next one.';
const NOT_RESTORED =
  'After a rollback the database is in a state no migration expects: running the up step again, or later migrations, can fail or do something else.';
const NOT_RESTORED_HELP = 'Make the down step undo exactly what the up step does, no more and no less.';
const LOST =
  'A rollback in production would keep the schema but lose these rows or values for good: the down step cannot know them.';
const LOST_HELP =
  'Copy the data somewhere the down step can restore it from, or accept the loss and say so with a pgvigil-ignore comment on the down step.';

/**
 * One migration's round trip on the engine, from the catalog s0 it starts at: up (s1), down (s2),
 * up again (s3). The down must give back s0 and the second up s1. Every pre-existing table holds
 * synthetic rows, so a down that restores a dropped table or column but not its values is seen.
 */
export async function roundTrip(
  env: MigrationEnvironment,
  migration: Migration,
  s0: CatalogSnapshot,
): Promise<RoundTrip> {
  const { engine } = env;
  await env.rows.fillNewTables(engine, await readRelationState(engine));
  const rows0 = await fingerprintTables(engine, s0.tables);
  const up = await runStep(env, migration, migration.up);
  const s1 = await readCatalog(engine);
  // A failed up is already reported; a round trip from a half-applied state would only add noise.
  if (stepFailed(up)) return { diagnostics: up.diagnostics, files: [up], after: s1 };
  if (!migration.down)
    return { diagnostics: [...up.diagnostics, ...missingDown(env, migration)], files: [up], after: s1 };
  const down = await runStep(env, migration, migration.down);
  if (stepFailed(down)) {
    const diagnostics = down.diagnostics.map((d) =>
      d.rule === STATEMENT_FAILED.id ? { ...d, why: DOWN_FAILED } : d,
    );
    return { diagnostics: [...up.diagnostics, ...diagnostics], files: [up, down] };
  }
  const s2 = await readCatalog(engine);
  const undone = diffCatalogs(s0, s2);
  const candidates = restoredShape(lossCandidates(s0, s1), s2);
  const losses =
    candidates.length === 0
      ? []
      : observedLosses(candidates, rows0, await fingerprintTables(engine, s2.tables));
  const redo = await runStep(env, migration, migration.up);
  const s3 = await readCatalog(engine);
  // When the down already left the schema wrong, what the second up does is a consequence of it.
  const redone = undone.length > 0 ? [] : redoFindings(env, redo, diffCatalogs(s1, s3), migration.down);
  return {
    diagnostics: [
      ...up.diagnostics,
      ...down.diagnostics,
      ...undone.flatMap((change) =>
        verifyFinding(
          env.settings,
          reversibility,
          {
            message: describeAfterDown(change),
            why: NOT_RESTORED,
            help: NOT_RESTORED_HELP,
            data: { phase: 'down', ...change },
          },
          stepStart(migration.down as MigrationStep),
        ),
      ),
      ...losses.flatMap((loss) =>
        verifyFinding(
          env.settings,
          reversibilityDataLoss,
          {
            message: loss.message,
            why: LOST,
            help: LOST_HELP,
            data: {
              table: loss.candidate.table.qualified,
              column: loss.candidate.column?.name,
              rowsBefore: loss.rowsBefore,
              rowsAfter: loss.rowsAfter,
            },
          },
          stepStart(migration.down as MigrationStep),
        ),
      ),
      ...redone,
    ],
    files: [up, down, redo],
    after: s3,
  };
}

function missingDown(env: MigrationEnvironment, migration: Migration): Diagnostic[] {
  return verifyFinding(
    env.settings,
    requireDownMigration,
    {
      message: `migration ${migration.version} (${migration.name}) has no down step`,
      why: 'Without one the migration cannot be rolled back with its tool: a bad deploy has to be undone by hand, under pressure.',
      help: 'Write a down step that undoes the up step; pgvigil verify then checks that it does.',
      severity: missingDownSeverity(migration.format),
    },
    stepStart(migration.up),
  );
}

function redoFindings(
  env: MigrationEnvironment,
  redo: SqlFile,
  changes: ReturnType<typeof diffCatalogs>,
  down: MigrationStep,
): Diagnostic[] {
  const failures = redo.diagnostics
    .filter((d) => d.rule === STATEMENT_FAILED.id)
    .flatMap(({ file, line, column, endLine, endColumn, message, data }) =>
      verifyFinding(
        env.settings,
        reversibility,
        {
          message: `up fails when run again after down: ${message}`,
          why: NOT_RESTORED,
          help: NOT_RESTORED_HELP,
          data: { phase: 'redo', ...data },
          ...(file === undefined ? {} : { file, line, column, endLine, endColumn }),
        },
        stepStart(down),
      ),
    );
  const differences = changes.flatMap((change) =>
    verifyFinding(
      env.settings,
      reversibility,
      {
        message: describeAfterRedo(change),
        why: NOT_RESTORED,
        help: NOT_RESTORED_HELP,
        data: { phase: 'redo', ...change },
      },
      stepStart(down),
    ),
  );
  return [...failures, ...differences];
}

import type { CatalogChange } from '../catalog/diff/catalog-change.js';
import type { RuleSettings } from '../config/rule-settings.js';
import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import type { SqlFile } from '../project/sql-file.js';
import { missingDownSeverity, requireDownMigration } from '../rules/verify/require-down-migration.js';
import { reversibility } from '../rules/verify/reversibility.js';
import { reversibilityDataLoss } from '../rules/verify/reversibility-data-loss.js';
import type { Migration } from '../sources/migrations/migration.js';
import type { DataLoss, RowCountChange } from './data-loss.js';
import { describeAfterDown, describeAfterRedo } from './describe-reversal.js';
import type { DownAdvice } from './propose/check-proposal.js';
import { stepStart } from './step-start.js';
import { verifyFinding } from './verify-finding.js';

type Settings = ReadonlyMap<string, RuleSettings>;

const NOT_RESTORED =
  'After a rollback the database is in a state no migration expects: running the up step again, or later migrations, can fail or do something else.';
const NOT_RESTORED_HELP = 'Make the down step undo exactly what the up step does, no more and no less.';
const LOST =
  'A rollback in production would keep the schema but lose these rows or values for good: the down step cannot know them.';
const LOST_HELP =
  'Copy the data somewhere the down step can restore it from, or accept the loss and say so with a pgvigil-ignore comment on the down step.';

/** Each way the schema after down differs from the one before up, at the start of the down step. */
export function afterDownFindings(
  settings: Settings,
  changes: readonly CatalogChange[],
  at: SourceSpan,
): Diagnostic[] {
  return changes.flatMap((change) =>
    verifyFinding(
      settings,
      reversibility,
      {
        message: describeAfterDown(change),
        why: NOT_RESTORED,
        help: NOT_RESTORED_HELP,
        data: { phase: 'down', ...change },
      },
      at,
    ),
  );
}

export function lossFindings(settings: Settings, losses: readonly DataLoss[], at: SourceSpan): Diagnostic[] {
  return losses.flatMap((loss) =>
    verifyFinding(
      settings,
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
      at,
    ),
  );
}

/** --with-data: tables whose row count a rollback changes. */
export function rowCountFindings(
  settings: Settings,
  changes: readonly RowCountChange[],
  at: SourceSpan,
): Diagnostic[] {
  return changes.flatMap((change) =>
    verifyFinding(
      settings,
      reversibilityDataLoss,
      {
        message: `table ${change.table} holds ${change.rowsAfter} rows after up and down, had ${change.rowsBefore}`,
        why: LOST,
        help: LOST_HELP,
        data: { ...change, check: 'with-data' },
      },
      at,
    ),
  );
}

/** The up step run again after a down that looked right: where it fails, and how its schema differs. */
export function redoFindings(
  settings: Settings,
  redo: SqlFile,
  changes: readonly CatalogChange[],
  at: SourceSpan,
): Diagnostic[] {
  const failures = redo.diagnostics
    .filter((d) => d.rule === STATEMENT_FAILED.id)
    .flatMap(({ file, line, column, endLine, endColumn, message, data }) =>
      verifyFinding(
        settings,
        reversibility,
        {
          message: `up fails when run again after down: ${message}`,
          why: NOT_RESTORED,
          help: NOT_RESTORED_HELP,
          data: { phase: 'redo', ...data },
          ...(file === undefined ? {} : { file, line, column, endLine, endColumn }),
        },
        at,
      ),
    );
  const differences = changes.flatMap((change) =>
    verifyFinding(
      settings,
      reversibility,
      {
        message: describeAfterRedo(change),
        why: NOT_RESTORED,
        help: NOT_RESTORED_HELP,
        data: { phase: 'redo', ...change },
      },
      at,
    ),
  );
  return [...failures, ...differences];
}

export function missingDown(settings: Settings, migration: Migration, advice: DownAdvice): Diagnostic[] {
  return verifyFinding(
    settings,
    requireDownMigration,
    {
      message: `migration ${migration.version} (${migration.name}) has no down step`,
      why: 'Without one the migration cannot be rolled back with its tool: a bad deploy has to be undone by hand, under pressure.',
      help: advice.help,
      ...(advice.suggestedSql === undefined ? {} : { suggestedSql: advice.suggestedSql }),
      data: advice.data,
      severity: missingDownSeverity(migration.format),
    },
    stepStart(migration.up),
  );
}

import { diffCatalogs } from '../../catalog/diff.js';
import type { MigrationEnvironment } from '../../migrate/apply-migration.js';
import type { Migration } from '../../sources/migrations/migration.js';
import type { CatalogState } from '../catalog-state.js';
import { describeAfterDown, describeAfterRedo } from '../describe-reversal.js';
import { stepFailed } from '../run-step.js';
import { downAndUpAgain, type Expected, tripRolledBack } from '../trip.js';
import { proposeDown } from './propose-down.js';

/** What the require-down-migration finding says to do, and the down step it proposes. */
export interface DownAdvice {
  readonly help: string;
  readonly suggestedSql?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface CheckedProposal {
  readonly advice: DownAdvice;
  /** The state to go on from; undefined when a proposal run for real left the database elsewhere. */
  readonly after?: CatalogState;
}

const WRITE_ONE = 'Write a down step that undoes the up step; pgvigil verify then checks that it does.';

/** The first way the proposal's round trip went wrong, in words; undefined when it came back to s0 and s1. */
function firstProblem(
  expected: Expected,
  trip: Awaited<ReturnType<typeof downAndUpAgain>>,
): string | undefined {
  if (!trip.s2) return trip.down.diagnostics[0]?.message ?? 'the down step fails';
  const undone = diffCatalogs(expected.s0.snapshot, trip.s2.snapshot)[0];
  if (undone) return describeAfterDown(undone);
  if (!trip.s3) return `up fails when run again: ${trip.redo?.diagnostics[0]?.message ?? ''}`;
  const redone = diffCatalogs(expected.s1.snapshot, trip.s3.snapshot)[0];
  return redone && describeAfterRedo(redone);
}

/**
 * For a migration without a down step: a down generated from S1 − S0, proposed only after the same
 * round trip as a written one (down gives back s0, up again gives s1); else why none is proposed.
 */
export async function checkProposal(
  env: MigrationEnvironment,
  migration: Migration,
  expected: Expected,
): Promise<CheckedProposal> {
  const proposed = proposeDown(expected.s0.snapshot, expected.s1.snapshot, !migration.inTransaction);
  const at = { after: expected.s1 };
  if (proposed.kind === 'nothing')
    return {
      ...at,
      advice: {
        help: `${WRITE_ONE} The up step changes no schema object, so an empty down step restores the schema (not rows it changed).`,
        data: { proposal: 'empty' },
      },
    };
  if (proposed.kind === 'irreversible')
    return {
      ...at,
      advice: {
        help: `${WRITE_ONE} pgvigil cannot generate one: ${proposed.reasons.join('; ')}.`,
        data: { proposal: 'irreversible', reasons: proposed.reasons },
      },
    };
  const trial: Migration = { ...migration, down: { file: migration.up.file, sql: proposed.sql } };
  const trip = await downAndUpAgain(env, trial, expected, 'The generated down step fails here.');
  const problem = firstProblem(expected, trip);
  const failedForReal = !tripRolledBack(trial) && (problem !== undefined || stepFailed(trip.down));
  const after = failedForReal ? {} : at;
  if (problem !== undefined)
    return {
      ...after,
      advice: {
        help: `${WRITE_ONE} A down step generated from the schema difference did not pass the round trip (${problem}), so none is proposed.`,
        data: { proposal: 'failed', problem, sql: proposed.sql },
      },
    };
  return {
    ...after,
    advice: {
      help: 'Add this down step, generated from the schema difference: pgvigil ran up, it and up again, and got both schemas back.',
      suggestedSql: proposed.sql,
      data: { proposal: 'verified' },
    },
  };
}

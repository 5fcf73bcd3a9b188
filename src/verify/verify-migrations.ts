import { filterIgnored, sourceTexts } from '../check/project-files.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { applyMigration, type MigrationEnvironment } from '../migrate/apply-migration.js';
import { dropRolesCreatedSince, existingRoles, withCreatedRolesDropped } from '../migrate/created-roles.js';
import { incompleteRun, lostConnection, type PartialRun } from '../migrate/incomplete-run.js';
import { roleNoteDiagnostics } from '../migrate/role-notes.js';
import type { RoleRecorder } from '../migrate/role-recorder.js';
import { SyntheticRows } from '../migrate/synthetic-fill.js';
import { applyFile } from '../project/apply-file.js';
import type { OriginTracker } from '../project/origins.js';
import { readSqlFile, type SqlFile } from '../project/sql-file.js';
import type { Migration } from '../sources/migrations/migration.js';
import { initSql } from '../sql/parser.js';
import { type CatalogState, readState } from './catalog-state.js';
import { resetDatabase } from './reset-database.js';
import { roundTrip } from './round-trip.js';

export interface VerifyInput {
  /** SQL files loaded first: the database as it stands before the first migration. */
  readonly schemaFiles: readonly string[];
  /** In the tool's order. */
  readonly migrations: readonly Migration[];
  readonly settings: ReadonlyMap<string, RuleSettings>;
  /** Row counts of every table the up did not create compared after up and down (--with-data). */
  readonly withData?: boolean;
  /** Called before each migration's round trip, with its index: the hang guard's heartbeat. */
  readonly onMigration?: (index: number) => void;
  /** Called with the findings of the schema files, then of each migration as its round trip ends: what a hang leaves. */
  readonly onFindings?: (found: VerifyResult) => void;
}

export interface VerifyResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, path as the user gave it → text, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** Set when the run stopped before its end (the connection to the server lost): the findings so far. */
  readonly partial?: PartialRun;
}

const LOAD_CONTEXT = 'The statements after it ran without its effect, so later findings may be off.';

/** verify points at steps, never at the objects a statement created: nothing to record. */
const NO_ORIGINS: OriginTracker = { origins: new Map(), record: async () => undefined };

function environment(engine: Engine, settings: ReadonlyMap<string, RuleSettings>): MigrationEnvironment {
  // Migration rules are lint's business; verify judges only what the round trips show.
  return { engine, settings, rules: [], origins: NO_ORIGINS, rows: new SyntheticRows() };
}

async function loadStart(engine: Engine, files: readonly string[]): Promise<SqlFile[]> {
  const loaded: SqlFile[] = [];
  for (const file of files)
    loaded.push(await applyFile(engine, await readSqlFile(file), NO_ORIGINS, LOAD_CONTEXT));
  return loaded;
}

/**
 * After a failed down step the database is half rolled back. The tool's transaction would have
 * undone the whole down, so the state to go on from is "every up so far applied": built again
 * from an empty database (problems on the way were reported the first time).
 */
async function rebuild(
  engine: RoleRecorder,
  input: VerifyInput,
  upTo: number,
  roles: ReadonlySet<string>,
): Promise<MigrationEnvironment> {
  // Roles outlive the emptied database: the migrations that create them run again.
  await dropRolesCreatedSince(engine, roles);
  await resetDatabase(engine);
  await loadStart(engine, input.schemaFiles);
  const env = environment(engine, input.settings);
  for (const migration of input.migrations.slice(0, upTo + 1)) await applyMigration(env, migration);
  return env;
}

/**
 * `pgvigil verify`: each migration in order goes up, down and up again on the engine, and every
 * difference between the catalogs is a finding. The engine is the caller's (PGlite or a scratch
 * database); its state is carried from one migration to the next.
 */
export async function verifyMigrations(
  engine: Engine,
  input: VerifyInput,
  /** Filled with the roles the migrations create, for the scratch database's clean-up. */
  createdRoles?: Set<string>,
): Promise<VerifyResult> {
  await initSql();
  return withCreatedRolesDropped(
    engine,
    async (recorder) => verifyAll(recorder, input, await existingRoles(recorder)),
    createdRoles,
  );
}

async function verifyAll(
  engine: RoleRecorder,
  input: VerifyInput,
  roles: ReadonlySet<string>,
): Promise<VerifyResult> {
  const files: SqlFile[] = await loadStart(engine, input.schemaFiles);
  const diagnostics: Diagnostic[] = files.flatMap((file) => file.diagnostics);
  if (input.onFindings) input.onFindings(await found(files, diagnostics));
  let env = environment(engine, input.settings);
  let s0: CatalogState = await readState(engine);
  for (const [i, migration] of input.migrations.entries()) {
    input.onMigration?.(i);
    try {
      const trip = await roundTrip(env, migration, s0, input.withData);
      diagnostics.push(...trip.diagnostics);
      files.push(...trip.files);
      if (input.onFindings) input.onFindings(await found(trip.files, trip.diagnostics));
      if (trip.after) {
        s0 = trip.after;
        continue;
      }
      env = await rebuild(engine, input, i, roles);
      s0 = await readState(engine);
    } catch (error) {
      const lost = lostConnection(error);
      if (!lost) throw error;
      const at = { command: 'verify', migrations: input.migrations, index: i } as const;
      throw incompleteRun(lost, at, await found(files, [...diagnostics, ...notes(engine, files)]));
    }
  }
  return found(files, [...diagnostics, ...notes(engine, files)]);
}

/** The statements left alone because they would have changed a role of the server the run did not create. */
function notes(engine: RoleRecorder, files: readonly SqlFile[]): Diagnostic[] {
  return roleNoteDiagnostics(engine.leftAlone, files);
}

/** The findings ignore comments leave, with the files' texts. */
async function found(files: readonly SqlFile[], diagnostics: readonly Diagnostic[]): Promise<VerifyResult> {
  // The up step runs twice: its ignore comments must count once.
  const distinct = [...new Map(files.map((file) => [`${file.file}\u0000${file.text}`, file])).values()];
  return { diagnostics: filterIgnored(distinct, diagnostics), sources: sourceTexts(distinct) };
}

import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FileTexts } from '../file-texts.js';

export type MigrationFormat =
  | 'golang-migrate'
  | 'plain'
  | 'dbmate'
  | 'flyway'
  | 'node-pg-migrate'
  | 'sqitch'
  | 'prisma'
  | 'drizzle'
  | 'pop';

/** One direction of a migration, as SQL the tool would send. */
export interface MigrationStep {
  /** Path as the user gave it: the migrations directory joined with the file name. */
  readonly file: string;
  /**
   * The file's text with everything that is not this step blanked to spaces (line breaks kept),
   * so every index, line and column is the file's own.
   */
  readonly sql: string;
}

/** One migration as its tool sees it: an up step, maybe a down step, and how the tool runs them. */
export interface Migration {
  readonly format: MigrationFormat;
  /** The tool's version or ordering key, e.g. `000002`, `1.1`, a Sqitch change name. */
  readonly version: string;
  readonly name: string;
  readonly up: MigrationStep;
  /** Undefined when the tool has no down step for it; an empty step is a down that does nothing. */
  readonly down?: MigrationStep;
  /**
   * Whether the tool runs the up step inside a transaction (its own, or PostgreSQL's implicit one
   * for a multi-statement query string). Decides whether CONCURRENTLY fails and how long locks
   * are held.
   */
  readonly inTransaction: boolean;
  /** Whether the tool runs the down step inside a transaction; as the up step when undefined (dbmate sets each section's own). */
  readonly downInTransaction?: boolean;
}

/** Whether the tool runs the migration's down step inside a transaction. */
export function downInTransaction(migration: Migration): boolean {
  return migration.downInTransaction ?? migration.inTransaction;
}

/** What a loader found in a folder: the migrations in the tool's order, and what it could not use. */
export interface LoadedMigrations {
  readonly migrations: readonly Migration[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The names in a migrations folder, one level deep, and the run's reader of its files. */
export interface FolderListing {
  readonly dir: string;
  readonly files: readonly string[];
  readonly dirs: readonly string[];
  readonly texts: FileTexts;
}

export interface MigrationLoader {
  readonly format: MigrationFormat;
  /** What the loader takes from a folder, in words: said when a folder holds no migration. */
  readonly looksFor: string;
  /** Whether the folder looks like this tool's; may read files for markers. */
  detect(listing: FolderListing): Promise<boolean>;
  load(listing: FolderListing): Promise<LoadedMigrations>;
}

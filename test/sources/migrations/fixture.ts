import { basename } from 'node:path';
import { listFolder } from '../../../src/sources/migrations/folder.js';
import type {
  LoadedMigrations,
  Migration,
  MigrationLoader,
} from '../../../src/sources/migrations/migration.js';

export const FIXTURES = 'test/fixtures/migrations';

export function fixtureDir(format: string): string {
  return `${FIXTURES}/${format}`;
}

/** Runs one loader on its fixture folder. */
export async function loadFixture(loader: MigrationLoader): Promise<LoadedMigrations> {
  return loader.load(await listFolder(fixtureDir(loader.format)));
}

/** version, up file, down file (or null), in transaction: what a reader of a list wants to see. */
export function summary(migration: Migration): [string, string, string | null, boolean] {
  const down = migration.down ? basename(migration.down.file) : null;
  return [migration.version, basename(migration.up.file), down, migration.inTransaction];
}

/** The lines of a step that hold something other than blanks. */
export function nonBlankLines(sql: string): string[] {
  return sql.split('\n').filter((line) => line.trim() !== '');
}

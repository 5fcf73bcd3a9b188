import type { FileTexts } from '../file-texts.js';
import { listFolder } from './folder.js';
import { dbmate } from './formats/dbmate.js';
import { drizzle } from './formats/drizzle.js';
import { flyway } from './formats/flyway.js';
import { golangMigrate } from './formats/golang-migrate.js';
import { nodePgMigrate } from './formats/node-pg-migrate.js';
import { plain } from './formats/plain.js';
import { pop } from './formats/pop.js';
import { prisma } from './formats/prisma.js';
import { sqitch } from './formats/sqitch.js';
import type {
  FolderListing,
  LoadedMigrations,
  Migration,
  MigrationFormat,
  MigrationLoader,
} from './migration.js';

/**
 * Every loader, most specific first: a plan or journal file, then folder layouts, then file-name
 * patterns, then markers inside the files; a plain folder of .sql files is the fallback.
 */
export const MIGRATION_LOADERS: readonly MigrationLoader[] = [
  sqitch,
  drizzle,
  prisma,
  pop,
  flyway,
  golangMigrate,
  dbmate,
  nodePgMigrate,
  plain,
];

/** What detection looks for, every loader's looksFor in short: all but three take .sql files by name or marker. */
export const ANY_FORMAT =
  '.sql files (plain, golang-migrate, Flyway, dbmate, node-pg-migrate, pop), sqitch.plan (Sqitch), meta/_journal.json (Drizzle), <timestamp>_<name>/migration.sql (Prisma)';

function loaderFor(format: MigrationFormat): MigrationLoader {
  return MIGRATION_LOADERS.find((loader) => loader.format === format) ?? plain;
}

export async function detectFormat(listing: FolderListing): Promise<MigrationFormat> {
  for (const loader of MIGRATION_LOADERS) if (await loader.detect(listing)) return loader.format;
  return 'plain';
}

/**
 * The migrations of a folder in the tool's own order, with the format used and a diagnostic for
 * every file the tool would refuse. Never throws on the folder's content. Files are read through
 * `texts` when given, so the caller can show them again without reading them again.
 */
export async function loadMigrations(
  dir: string,
  format?: MigrationFormat,
  texts?: FileTexts,
): Promise<LoadedMigrations & { readonly format: MigrationFormat }> {
  const listing = await listFolder(dir, texts);
  const chosen = format ?? (await detectFormat(listing));
  return { format: chosen, ...(await loaderFor(chosen).load(listing)) };
}

/** The migrations of a folder in the tool's own order (problems dropped; see loadMigrations). */
export async function listMigrations(dir: string, format?: MigrationFormat): Promise<readonly Migration[]> {
  return (await loadMigrations(dir, format)).migrations;
}

/**
 * One line for stderr when a folder gave neither a migration nor a problem: a new project, or the
 * wrong folder. The report alone ("no problems in 0 files") would not tell them apart.
 */
export function noMigrationsNote(
  dir: string,
  loaded: LoadedMigrations & { readonly format: MigrationFormat },
  forced: boolean,
): string | undefined {
  if (loaded.migrations.length > 0 || loaded.diagnostics.length > 0) return undefined;
  const { looksFor } = loaderFor(loaded.format);
  if (forced)
    return `pgvigil: no ${loaded.format} migration files found in ${dir} (looked for ${looksFor}, as migrations.format in the config says).`;
  if (loaded.format !== 'plain')
    return `pgvigil: no migrations found in ${dir}: it looks like ${loaded.format}'s folder, with no migration in it (looked for ${looksFor}).`;
  return `pgvigil: no migration files found in ${dir} (looked for ${ANY_FORMAT}).`;
}

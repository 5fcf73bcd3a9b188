import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationFormat } from '../sources/migrations/migration.js';

/** Where a project's SQL lives. Paths are as the user would write them: the checked dir joined with the name. */
export interface ProjectLayout {
  readonly root: string;
  readonly schemaFiles: readonly string[];
  readonly migrationsDir?: string;
  readonly migrationFormat?: MigrationFormat;
  /** Migration files named one by one (`pgvigil lint a.sql b.sql`), applied after the folder's, in the order given. */
  readonly migrationFiles?: readonly string[];
  readonly queriesDir?: string;
}

/** Paths from --schema or the config file, already relative to where pgvigil runs. */
export interface LayoutOverrides {
  readonly schema?: readonly string[];
  readonly migrations?: { readonly dir: string; readonly format?: MigrationFormat };
  readonly queries?: string;
}

const SCHEMA_CANDIDATES = ['schema.sql', 'structure.sql', 'db/schema.sql', 'db/structure.sql'];
// Each tool's default folder; a Sqitch project keeps sqitch.plan at its root.
const MIGRATION_CANDIDATES = ['migrations', 'db/migrations', 'migrate', 'prisma/migrations', 'drizzle'];
const QUERY_CANDIDATES = ['queries', 'sql/queries'];

async function exists(path: string, kind: 'file' | 'dir'): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return kind === 'file' ? info?.isFile() === true : info?.isDirectory() === true;
}

async function firstExisting(root: string, names: readonly string[], kind: 'file' | 'dir') {
  for (const name of names) {
    if (await exists(join(root, name), kind)) return join(root, name);
  }
  return undefined;
}

/** Finds schema, migrations and queries by convention; --schema and config entries win. */
export async function discoverProject(root: string, overrides: LayoutOverrides = {}): Promise<ProjectLayout> {
  const schemaFiles =
    overrides.schema && overrides.schema.length > 0
      ? overrides.schema
      : [await firstExisting(root, SCHEMA_CANDIDATES, 'file')].filter((file) => file !== undefined);
  return {
    root,
    schemaFiles,
    migrationsDir:
      overrides.migrations?.dir ??
      (await firstExisting(root, MIGRATION_CANDIDATES, 'dir')) ??
      ((await exists(join(root, 'sqitch.plan'), 'file')) ? root : undefined),
    migrationFormat: overrides.migrations?.format,
    queriesDir: overrides.queries ?? (await firstExisting(root, QUERY_CANDIDATES, 'dir')),
  };
}

/** Files and directories the layout names that are not there (only possible for user-given paths). */
export async function missingPaths(layout: ProjectLayout): Promise<string[]> {
  const wanted: [string | undefined, 'file' | 'dir'][] = [
    ...[...layout.schemaFiles, ...(layout.migrationFiles ?? [])].map((file): [string, 'file'] => [
      file,
      'file',
    ]),
    [layout.migrationsDir, 'dir'],
    [layout.queriesDir, 'dir'],
  ];
  const missing: string[] = [];
  for (const [path, kind] of wanted) {
    if (path !== undefined && !(await exists(path, kind))) missing.push(path);
  }
  return missing;
}

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationFormat } from '../sources/migrations/migration.js';
import { isStdin } from '../util/stdin.js';

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

/** What is wrong with a path the user named as a file or a directory; undefined when it is one. */
async function pathProblem(path: string, kind: 'file' | 'dir'): Promise<string | undefined> {
  if (isStdin(path)) return kind === 'file' ? undefined : 'standard input (-) is not a directory';
  const info = await stat(path).catch(() => undefined);
  if (!info) return `not found: ${path}`;
  if (kind === 'dir') return info.isDirectory() ? undefined : `${path} is a file, not a directory`;
  if (info.isFile()) return undefined;
  return info.isDirectory()
    ? `${path} is a directory, not a file`
    : `${path} is a pipe, socket or device, not a regular file`;
}

/**
 * Each file and directory the layout names that is not there, or not what it is named as (a
 * directory given as --schema): one phrase a path, for the caller's usage error.
 */
export async function pathProblems(layout: ProjectLayout): Promise<string[]> {
  const wanted: [string | undefined, 'file' | 'dir'][] = [
    ...[...layout.schemaFiles, ...(layout.migrationFiles ?? [])].map((file): [string, 'file'] => [
      file,
      'file',
    ]),
    [layout.migrationsDir, 'dir'],
    [layout.queriesDir, 'dir'],
  ];
  const problems: string[] = [];
  for (const [path, kind] of wanted) {
    const problem = path === undefined ? undefined : await pathProblem(path, kind);
    if (problem) problems.push(problem);
  }
  return problems;
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Migration, MigrationFormat } from './migration.js';

const GOLANG_MIGRATE = /^(\d+)_(.+)\.(up|down)\.sql$/;

export function detectFormat(fileNames: readonly string[]): MigrationFormat {
  return fileNames.some((name) => GOLANG_MIGRATE.test(name)) ? 'golang-migrate' : 'plain';
}

/**
 * golang-migrate's postgres driver sends a whole file as one simple-protocol query, which
 * PostgreSQL runs as one implicit transaction; versions are ordered numerically.
 */
function golangMigrate(dir: string, names: readonly string[]): Migration[] {
  const byVersion = new Map<string, { name: string; up?: string; down?: string }>();
  for (const fileName of names) {
    const match = GOLANG_MIGRATE.exec(fileName);
    if (!match) continue;
    const [, version = '', name = '', direction] = match;
    const entry = byVersion.get(version) ?? { name };
    entry[direction === 'up' ? 'up' : 'down'] = join(dir, fileName);
    byVersion.set(version, entry);
  }
  return [...byVersion.entries()]
    .sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0))
    .flatMap(([version, entry]) =>
      entry.up ? [{ version, name: entry.name, up: entry.up, down: entry.down, inTransaction: true }] : [],
    );
}

/** A folder of .sql files applied in name order, each as psql -f would: no wrapping transaction. */
function plain(dir: string, names: readonly string[]): Migration[] {
  return names
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((fileName) => ({
      version: fileName.replace(/\.sql$/, ''),
      name: fileName,
      up: join(dir, fileName),
      inTransaction: false,
    }));
}

export async function listMigrations(dir: string, format?: MigrationFormat): Promise<readonly Migration[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const chosen = format ?? detectFormat(names);
  return chosen === 'golang-migrate' ? golangMigrate(dir, names) : plain(dir, names);
}

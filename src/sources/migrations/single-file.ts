import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Migration } from './migration.js';

/** A file given on its own (`pgvigil lint file.sql`): run as psql -f would, without a wrapping transaction. */
export async function migrationFromFile(file: string): Promise<Migration> {
  const name = basename(file);
  return {
    format: 'plain',
    version: name.replace(/\.sql$/, ''),
    name,
    up: { file, sql: await readFile(file, 'utf8') },
    inTransaction: false,
  };
}

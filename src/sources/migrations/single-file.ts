import { basename } from 'node:path';
import { FileTexts } from '../file-texts.js';
import type { Migration } from './migration.js';

/** A file given on its own (`pgvigil lint file.sql`): run as psql -f would, without a wrapping transaction. */
export function migrationFromFile(file: string, texts = new FileTexts()): Migration {
  const name = basename(file);
  return {
    format: 'plain',
    version: name.replace(/\.sql$/, ''),
    name,
    up: { file, sql: texts.text(file) },
    inTransaction: false,
  };
}

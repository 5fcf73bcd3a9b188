import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccuracyCase, migrationFileText } from './case-file.js';

export interface CaseFiles {
  readonly dir: string;
  /** The setup: the schema as it stands, rows included. */
  readonly schema: string;
  /** The migration as a plain .sql file (BEGIN/COMMIT around it for a transactional case). */
  readonly migration: string;
}

/** Writes the case's two files into a fresh temp dir, runs fn, removes the dir. */
export async function withCaseFiles<T>(c: AccuracyCase, fn: (files: CaseFiles) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pgvigil-accuracy-'));
  try {
    const files = { dir, schema: join(dir, 'schema.sql'), migration: join(dir, `${c.name}.sql`) };
    writeFileSync(files.schema, c.setup);
    writeFileSync(files.migration, migrationFileText(c));
    return await fn(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

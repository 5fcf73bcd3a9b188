import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type SplitResult, splitStatements } from '../sql/split.js';

/** One SQL file as pgvigil read it, with what reading (and running, where it ran) it found. */
export interface SqlFile {
  /** Path as the user gave it. */
  readonly file: string;
  readonly text: string;
  readonly split: SplitResult;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and splits a file; its diagnostics are those of parsing alone. */
export async function readSqlFile(file: string): Promise<SqlFile> {
  const text = await readFile(file, 'utf8');
  const split = splitStatements(text, file);
  return { file, text, split, diagnostics: split.diagnostics };
}

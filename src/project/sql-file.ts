import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type SplitResult, splitStatements } from '../sql/split.js';
import { readInputText } from '../util/stdin.js';

/** One SQL file as pgvigil read it, with what reading (and running, where it ran) it found. */
export interface SqlFile {
  /** Path as the user gave it. */
  readonly file: string;
  readonly text: string;
  readonly split: SplitResult;
  readonly diagnostics: readonly Diagnostic[];
}

/** Splits text that stands for a file (all of it, or one migration step of it with the rest blanked). */
export function sqlFileFrom(file: string, text: string): SqlFile {
  const split = splitStatements(text, file);
  return { file, text, split, diagnostics: split.diagnostics };
}

/** Reads and splits a file (or standard input, STDIN); its diagnostics are those of parsing alone. */
export async function readSqlFile(file: string): Promise<SqlFile> {
  return sqlFileFrom(file, await readInputText(file));
}

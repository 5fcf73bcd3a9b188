import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TruthFile } from './truth-model.js';

/** Written by measure-truth.ts, committed: the facts every score is judged against. */
export const TRUTH_FILE = join(import.meta.dirname, 'truth.json');

export function readTruth(): TruthFile {
  return JSON.parse(readFileSync(TRUTH_FILE, 'utf8')) as TruthFile;
}

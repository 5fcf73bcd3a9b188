import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** shared/corpus sits beside the repository (in CI too): real SQL that no one on this project wrote. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

export function corpusPath(relative: string): string {
  const path = `${CORPUS}${relative}`;
  if (!existsSync(path))
    throw new Error(`corpus file missing: ${path} (shared/ must sit beside the repository)`);
  return path;
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { entryKind } from '../entry-kind.js';

const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', '.next', 'out']);

/** JavaScript and TypeScript files under a directory, in name order, without dependencies or build output. */
export async function codeFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    // A linked directory is not followed (it may lead back up); a linked file is read like a file.
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) files.push(...(await codeFilesIn(path)));
    else if (isCodeFile(entry.name) && (await entryKind(entry)) === 'file') files.push(path);
  }
  return files;
}

/** Where a project keeps its application code, by convention (`check` looks there). */
export const CODE_DIRS: readonly string[] = ['app', 'src', 'lib', 'server'];

export function isCodeFile(path: string): boolean {
  return CODE.test(path) && !path.endsWith('.d.ts');
}

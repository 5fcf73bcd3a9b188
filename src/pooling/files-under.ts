import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { entryKind } from '../sources/entry-kind.js';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);

/** The path itself when it is a file, else every file under it that `accept` takes, in name order. */
export async function filesUnder(path: string, accept: (name: string) => boolean): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const child = join(path, entry.name);
    // A linked directory is not followed (it may lead back up); a linked file is read like a file.
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.'))
      files.push(...(await filesUnder(child, accept)));
    else if (accept(entry.name) && (await entryKind(entry)) === 'file') files.push(child);
  }
  return files;
}

import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderListing } from './migration.js';

export async function listFolder(dir: string): Promise<FolderListing> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = (wanted: (entry: (typeof entries)[number]) => boolean) =>
    entries
      .filter(wanted)
      .map((entry) => entry.name)
      .sort();
  return { dir, files: names((entry) => entry.isFile()), dirs: names((entry) => entry.isDirectory()) };
}

/**
 * A file's text, or undefined when it cannot be read (the caller reports it). Read synchronously:
 * migration files are small and a folder's are read one after another (format detection, then
 * loading), where each promise-based read costs four trips through the thread pool, ~7x the CPU.
 */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function pathIn(listing: FolderListing, name: string): string {
  return join(listing.dir, name);
}

/** Whether any file whose name matches (read in turn, stopping at the first hit) has the pattern in it. */
export async function anyFileMatches(
  listing: FolderListing,
  fileName: RegExp,
  pattern: RegExp,
): Promise<boolean> {
  for (const name of listing.files.filter((file) => fileName.test(file))) {
    const text = await readText(pathIn(listing, name));
    if (text !== undefined && pattern.test(text)) return true;
  }
  return false;
}

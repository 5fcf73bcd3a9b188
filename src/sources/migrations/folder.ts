import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type EntryKind, entryKind } from '../entry-kind.js';
import { FileTexts } from '../file-texts.js';
import type { FolderListing } from './migration.js';

/** The folder's names; its files are read through `texts`, once each however often they are asked for. */
export async function listFolder(dir: string, texts = new FileTexts()): Promise<FolderListing> {
  const entries = await readdir(dir, { withFileTypes: true });
  const kinds = await Promise.all(entries.map(entryKind));
  const names = (...wanted: EntryKind[]) =>
    entries
      .filter((_, index) => wanted.includes(kinds[index] ?? 'other'))
      .map((entry) => entry.name)
      .sort();
  return {
    dir,
    // A link that leads nowhere is listed with the files: the loader that wants it reports it unreadable.
    files: names('file', 'broken-link'),
    dirs: names('dir'),
    texts,
  };
}

/** A file's text (a path in the folder or below it), or undefined when it cannot be read (the caller reports it). */
export function readText(listing: FolderListing, path: string): string | undefined {
  return listing.texts.read(path);
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
    const text = readText(listing, pathIn(listing, name));
    if (text !== undefined && pattern.test(text)) return true;
  }
  return false;
}

import type { Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a directory entry is for the walkers: a symbolic link counts as what it points at, so a
 * folder of links (a monorepo's shared migrations, a Nix or Bazel tree) reads like a folder of
 * files. 'broken-link' leads nowhere (dangling, or a loop); 'other' is a pipe, socket or device,
 * never read (a pipe with no writer would block the run).
 */
export type EntryKind = 'file' | 'dir' | 'broken-link' | 'other';

export async function entryKind(entry: Dirent): Promise<EntryKind> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return 'other';
  const target = await stat(join(entry.parentPath, entry.name)).catch(() => undefined);
  if (!target) return 'broken-link';
  return target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
}

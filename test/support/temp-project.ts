import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made = new Set<string>();

/**
 * Writes the files (relative path → content) into a fresh temp directory and returns its path.
 * The directories a test file made are removed after its last test (test/support/setup-each-file.ts).
 */
export async function tempProject(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pgvigil-test-'));
  made.add(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

export async function removeTempProjects(): Promise<void> {
  await Promise.all([...made].map((root) => rm(root, { recursive: true, force: true })));
  made.clear();
}

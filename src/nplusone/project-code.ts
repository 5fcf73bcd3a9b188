import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuleSettings } from '../config/rule-settings.js';
import { CODE_DIRS, codeFilesIn } from '../sources/code/code-files.js';
import { codeFindings } from './code-findings.js';

/** `check`'s look at the application code: query calls in loops under the project's app/, src/, lib/, server/. */
export async function projectCodeFindings(root: string, settings: ReadonlyMap<string, RuleSettings>) {
  const files: string[] = [];
  for (const name of CODE_DIRS) {
    const dir = join(root, name);
    if ((await stat(dir).catch(() => undefined))?.isDirectory()) files.push(...(await codeFilesIn(dir)));
  }
  return codeFindings(files, settings);
}

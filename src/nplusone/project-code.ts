import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuleSettings } from '../config/rule-settings.js';
import { noQueryInLoop } from '../rules/n-plus-one/no-query-in-loop.js';
import { CODE_DIRS, codeFilesIn } from '../sources/code/code-files.js';
import { codeFindingsInWorker } from './code-in-worker.js';

/**
 * `check`'s look at the application code: query calls in loops under the project's app/, src/,
 * lib/, server/, in a worker thread (the caller starts it first and awaits it last).
 */
export async function projectCodeFindings(root: string, settings: ReadonlyMap<string, RuleSettings>) {
  const files: string[] = [];
  for (const name of CODE_DIRS) {
    const dir = join(root, name);
    if ((await stat(dir).catch(() => undefined))?.isDirectory()) files.push(...(await codeFilesIn(dir)));
  }
  if (files.length === 0 || settings.get(noQueryInLoop.id)?.enabled === false)
    return { diagnostics: [], sources: new Map<string, string>() };
  return codeFindingsInWorker(files, settings);
}

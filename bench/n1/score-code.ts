import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { codeFindings } from '../../src/nplusone/code-findings.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { codeFilesIn } from '../../src/sources/code/code-files.js';
import type { FileScore } from './score-set.js';

export const CODE_DIR = join(import.meta.dirname, 'code');
const MARK = /\/\/ n\+1\s*$/;

/** The labelled samples copied to a folder of their own, `.txt` dropped, bounded by a package.json like a project. */
function samplesFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgvigil-n1-code-'));
  cpSync(CODE_DIR, dir, { recursive: true });
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (entry.endsWith('.txt')) renameSync(join(dir, entry), join(dir, entry.slice(0, -'.txt'.length)));
  writeFileSync(join(dir, 'package.json'), '{}');
  return dir;
}

/** no-query-in-loop on the code samples, analyzed as `pgvigil n1 <dir>` does, against their `// n+1` lines. */
export async function scoreCodeSet(): Promise<FileScore[]> {
  const dir = samplesFolder();
  try {
    const files = await codeFilesIn(dir);
    const settings = resolveRuleSettings(
      { rules: {} } as Parameters<typeof resolveRuleSettings>[0],
      allRuleMetas,
    );
    const { diagnostics } = await codeFindings(files, settings);
    return files.map((file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const why = (lines[0] ?? '').replace(/^\/\/ why: /, '');
      const wanted = lines.flatMap((text, i) => (MARK.test(text) ? [i + 1] : []));
      const found = diagnostics.filter((d) => d.file === file);
      const at = (line: number) => `line ${line}: ${(lines[line - 1] ?? '').trim()}`;
      return {
        file: `code/${relative(dir, file)}`,
        why,
        rule: 'no-query-in-loop',
        truePositives: wanted.filter((line) => found.some((d) => d.line === line)).length,
        falsePositives: found
          .filter((d) => !wanted.includes(d.line ?? 0))
          .map((d) => `${at(d.line ?? 0)} (${d.message})`),
        missed: wanted.filter((line) => !found.some((d) => d.line === line)).map(at),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

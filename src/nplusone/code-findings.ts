import { relative } from 'node:path';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { noQueryInLoop } from '../rules/n-plus-one/no-query-in-loop.js';
import { stampFinding } from '../rules/stamp-finding.js';
import type { QueryInLoop } from '../sources/code/code-analyzer.js';
import { queryInLoopText } from '../sources/code/query-in-loop-text.js';

function finding(file: string, found: QueryInLoop, setting: RuleSettings | undefined): Diagnostic {
  return stampFinding(noQueryInLoop, setting, {
    ...queryInLoopText(found, file),
    file,
    line: found.line,
    column: found.column,
    data: {
      loopLine: found.loopLine,
      loopKind: found.loopKind,
      library: found.library,
      // Relative like the finding's own file, so the JSON reads the same on every machine.
      ...(found.via && { via: { ...found.via, file: relative(process.cwd(), found.via.file) } }),
    },
  });
}

/** no-query-in-loop findings of query calls in loops, and the text of each file that has one (for code frames). */
export async function codeFindings(
  files: readonly string[],
  settings: ReadonlyMap<string, RuleSettings>,
): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const setting = settings.get(noQueryInLoop.id);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  if ((setting && !setting.enabled) || files.length === 0) return { diagnostics, sources };
  // Loaded here: the analysis brings the TypeScript compiler, which a run over logs never needs.
  const { findQueriesInFiles } = await import('../sources/code/project-analysis.js');
  for (const [file, { text, found }] of await findQueriesInFiles(files)) {
    if (found.length > 0) sources.set(file, text);
    diagnostics.push(...found.map((f) => finding(file, f, setting)));
  }
  return { diagnostics, sources };
}

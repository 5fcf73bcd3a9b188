import { readFile } from 'node:fs/promises';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { noQueryInLoop } from '../rules/n-plus-one/no-query-in-loop.js';
import { stampFinding } from '../rules/stamp-finding.js';
import { findQueriesInLoops, type QueryInLoop } from '../sources/code/find-queries-in-loops.js';

/** Each library's way to ask for many keys at once. */
const BATCH_FORM: Readonly<Record<string, string>> = {
  'node-postgres': '`WHERE post_id = ANY($1)` with the array of keys as $1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: postgres.js's own interpolation syntax, shown as text.
  'postgres.js': '`WHERE post_id = ANY(${ids})` (postgres.js sends the array as one parameter)',
  Prisma: '`findMany({ where: { postId: { in: ids } } })`',
  Drizzle: '`.where(inArray(table.postId, ids))`',
  Knex: "`.whereIn('post_id', ids)`",
  Kysely: "`.where('post_id', 'in', ids)`",
  Supabase: "`.in('post_id', ids)`",
  'TypeORM/Sequelize':
    '`findBy({ postId: In(ids) })` (TypeORM) or `findAll({ where: { postId: ids } })` (Sequelize)',
};

function finding(file: string, found: QueryInLoop, setting: RuleSettings | undefined): Diagnostic {
  const loop = found.loopKind.startsWith('.') ? `${found.loopKind} callback` : `${found.loopKind} loop`;
  return stampFinding(noQueryInLoop, setting, {
    message: `\`${found.call}…\` runs once per item of the ${loop} at line ${found.loopLine}: one query per row (${found.library}).`,
    why: 'Each iteration is its own round trip, plan and scan: N items make N queries where one would read the same rows.',
    help: `Collect the keys first and load every row in one query, ${BATCH_FORM[found.library] ?? 'with WHERE key = ANY($1)'}, then group the rows in memory (or let one query return them nested with json_agg: docs/rules/no-query-in-loop.md).`,
    file,
    line: found.line,
    column: found.column,
    data: { loopLine: found.loopLine, loopKind: found.loopKind, library: found.library },
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
  if (setting && !setting.enabled) return { diagnostics, sources };
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const found = findQueriesInLoops(text);
    if (found.length > 0) sources.set(file, text);
    diagnostics.push(...found.map((f) => finding(file, f, setting)));
  }
  return { diagnostics, sources };
}

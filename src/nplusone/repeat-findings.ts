import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nPlusOne } from '../rules/n-plus-one/n-plus-one.js';
import { repeatedIdenticalQuery } from '../rules/n-plus-one/repeated-identical-query.js';
import { stampFinding } from '../rules/stamp-finding.js';
import type { Repeat } from './repeat.js';
import { normalizedText } from './statement-facts.js';
import { WHEN_TO_PREFER, writeBatchFix } from './write-fix.js';

const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;

function quoted(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > 120 ? `${flat.slice(0, 117)}...` : flat}\``;
}

function costOf(repeat: Repeat): string {
  return repeat.totalMs === undefined ? '' : `, ${ms(repeat.totalMs)} in all`;
}

function facts(repeat: Repeat, parent: string | undefined, repeated: readonly string[]) {
  return {
    unit: repeat.unit,
    count: repeat.count,
    distinctParameters: repeat.distinctParameters,
    ...(repeat.totalMs !== undefined && { totalMs: repeat.totalMs }),
    ...(parent !== undefined && { parentQuery: parent, parentLine: repeat.parent?.origin.line }),
    repeatedQueries: repeated,
    fingerprints: repeat.block.map((q) => q.fingerprint),
    ...(repeat.block[0]?.origin.span && { firstSpan: repeat.block[0].origin.span }),
  };
}

function nPlusOneFinding(repeat: Repeat, setting: RuleSettings | undefined): Diagnostic | undefined {
  // A batch repeated is chunking, already the fix; writes in a loop are another problem.
  if (
    repeat.distinctParameters < 2 ||
    repeat.block.some((q) => q.isBatched) ||
    !repeat.block.some((q) => q.isRead)
  )
    return undefined;
  const first = repeat.block[0];
  if (!first) return undefined;
  const parent = repeat.parent && normalizedText(repeat.parent.sql);
  const repeated = repeat.block.map((q) => normalizedText(q.sql));
  const what =
    repeated.length === 1 ? quoted(repeated[0] ?? '') : `the sequence ${repeated.map(quoted).join(' then ')}`;
  const after = parent ? `, once per row of ${quoted(parent)}` : '';
  // The parent as it ran: normalizing would turn its LIMIT 20 into a parameter.
  const fix = writeBatchFix(repeat.parent?.sql, repeated[0] ?? '');
  const suggestedSql =
    fix && [fix.batchSql, fix.joinSql].filter((s) => s !== undefined).join('\n\n-- or, in one round trip:\n');
  return stampFinding(nPlusOne, setting, {
    message: `${what} ran ${repeat.count} times in a row with different parameters in ${repeat.unit}${after}${costOf(repeat)}.`,
    why: `Each execution is a round trip and a separate plan and scan: ${repeat.count} of them where one query would read the same rows.`,
    help: fix
      ? `Load the rows for every parent at once (suggested SQL). ${WHEN_TO_PREFER}${fix.notes.length > 0 ? ` ${fix.notes.join(' ')}` : ''}`
      : 'Load the rows for every parent in one query (WHERE key = ANY($1), or a JOIN) instead of one query per row.',
    file: first.origin.file,
    line: first.origin.line,
    ...(suggestedSql && { suggestedSql }),
    data: facts(repeat, parent, repeated),
  });
}

function identicalFinding(repeat: Repeat, setting: RuleSettings | undefined): Diagnostic | undefined {
  const first = repeat.block[0];
  if (repeat.distinctParameters !== 1 || repeat.block.length !== 1 || !first?.isRead) return undefined;
  const repeated = normalizedText(first.sql);
  return stampFinding(repeatedIdenticalQuery, setting, {
    message: `${quoted(repeated)} ran ${repeat.count} times in a row with the same parameters in ${repeat.unit}${costOf(repeat)}.`,
    why: `Every execution after the first returned what the first did (unless something wrote in between): ${repeat.count - 1} wasted round trips.`,
    help: 'Run it once and reuse the result: keep it in a variable for the request, or cache it.',
    file: first.origin.file,
    line: first.origin.line,
    data: facts(repeat, repeat.parent && normalizedText(repeat.parent.sql), [repeated]),
  });
}

/** Findings of the repeats that pass each rule's threshold (rules off in the settings report nothing). */
export function repeatFindings(
  repeats: readonly Repeat[],
  settings: ReadonlyMap<string, RuleSettings>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [meta, judge] of [
    [nPlusOne, nPlusOneFinding],
    [repeatedIdenticalQuery, identicalFinding],
  ] as const) {
    const setting = settings.get(meta.id);
    if (setting && !setting.enabled) continue;
    const min = setting?.thresholds.minRepeats ?? meta.thresholds?.minRepeats?.default ?? 5;
    for (const repeat of repeats.filter((r) => r.count >= min)) {
      const finding = judge(repeat, setting);
      if (finding) out.push(finding);
    }
  }
  return out;
}

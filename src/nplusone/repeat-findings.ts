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

// A batch repeated is chunking, already the fix; pages walk one result; writes in a loop are another problem.
const isNPlusOne = (repeat: Repeat): boolean =>
  repeat.distinctParameters >= 2 &&
  !repeat.block.some((q) => q.isBatched || q.isPaged) &&
  repeat.block.some((q) => q.isRead);

const isIdentical = (repeat: Repeat): boolean =>
  repeat.distinctParameters === 1 && repeat.block.length === 1 && repeat.block[0]?.isRead === true;

function nPlusOneFinding(repeat: Repeat, setting: RuleSettings | undefined): Diagnostic | undefined {
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
  if (!first) return undefined;
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

const RULES = [
  { meta: nPlusOne, applies: isNPlusOne, write: nPlusOneFinding },
  { meta: repeatedIdenticalQuery, applies: isIdentical, write: identicalFinding },
] as const;

/** Findings of the repeats that pass each rule's threshold (rules off in the settings report nothing). */
export function repeatFindings(
  repeats: readonly Repeat[],
  settings: ReadonlyMap<string, RuleSettings>,
): Diagnostic[] {
  const folder = new RepeatFolder(settings);
  for (const repeat of repeats) folder.add(repeat);
  return folder.findings();
}

interface Fold {
  readonly rule: (typeof RULES)[number];
  readonly first: Repeat;
  occurrences: number;
  executions: number;
  totalMs?: number;
  readonly units: string[];
}

const UNITS_SHOWN = 5;

/**
 * Repeats folded by rule and shape (the repeated fingerprints, and for an N+1 its parent's) as they
 * come: a log where one endpoint's loop ran ten thousand times makes one finding that says so, and
 * memory follows the number of shapes, not the log's length.
 */
export class RepeatFolder {
  private readonly folds = new Map<string, Fold>();

  constructor(
    private readonly settings: ReadonlyMap<string, RuleSettings>,
    private readonly parentFingerprint: (sql: string) => string | undefined = () => undefined,
  ) {}

  add(repeat: Repeat): void {
    for (const rule of RULES) {
      const setting = this.settings.get(rule.meta.id);
      if (setting && !setting.enabled) continue;
      const min = setting?.thresholds.minRepeats ?? rule.meta.thresholds?.minRepeats?.default ?? 5;
      if (repeat.count < min || !rule.applies(repeat)) continue;
      const parent = rule.meta === nPlusOne && repeat.parent ? this.parentFingerprint(repeat.parent.sql) : '';
      const key = [rule.meta.id, parent, ...repeat.block.map((q) => q.fingerprint)].join('\u0000');
      const fold = this.folds.get(key);
      if (!fold) {
        this.folds.set(key, {
          rule,
          first: repeat,
          occurrences: 1,
          executions: repeat.count,
          ...(repeat.totalMs !== undefined && { totalMs: repeat.totalMs }),
          units: [repeat.unit],
        });
        continue;
      }
      fold.occurrences++;
      fold.executions += repeat.count;
      if (repeat.totalMs !== undefined) fold.totalMs = (fold.totalMs ?? 0) + repeat.totalMs;
      if (fold.units.length < UNITS_SHOWN && !fold.units.includes(repeat.unit)) fold.units.push(repeat.unit);
    }
  }

  findings(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const fold of this.folds.values()) {
      const finding = fold.rule.write(fold.first, this.settings.get(fold.rule.meta.id));
      if (finding) out.push(fold.occurrences === 1 ? finding : withOccurrences(finding, fold));
    }
    return out;
  }
}

function withOccurrences(finding: Diagnostic, fold: Fold): Diagnostic {
  const cost = fold.totalMs === undefined ? '' : `, ${ms(fold.totalMs)} in all`;
  return {
    ...finding,
    message: `${finding.message} The same pattern happened ${fold.occurrences} times in this file (${fold.executions} executions${cost}).`,
    data: {
      ...finding.data,
      occurrences: fold.occurrences,
      allExecutions: fold.executions,
      ...(fold.totalMs !== undefined && { allTotalMs: fold.totalMs }),
      units: fold.units,
    },
  };
}

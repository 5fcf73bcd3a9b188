import type { RuleSettings } from '../config/rule-settings.js';
import { UNSUPPORTED_INPUT } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import { nPlusOne } from '../rules/n-plus-one/n-plus-one.js';
import { repeatedIdenticalQuery } from '../rules/n-plus-one/repeated-identical-query.js';
import type { ReadBreak } from '../sources/logs/read-lines.js';
import { initSql } from '../sql/parser.js';
import { type EventBatches, scanRepeats } from './detect-repeats.js';
import type { SkippedInput } from './query-event.js';
import { RepeatFolder } from './repeat-findings.js';
import { statementFacts } from './statement-facts.js';

/** A source of query events: a log or a trace file, read lazily. */
export interface EventSource {
  readonly file: string;
  readonly batches: EventBatches;
  /** Complete once the events are consumed. */
  readonly skipped: () => SkippedInput | undefined;
  /** Where the file stopped being readable, if it did; also complete once the events are consumed. */
  readonly broken?: () => ReadBreak | undefined;
  /** Findings of the source's own (plan rules on logged plans); complete once the events are consumed. */
  readonly findings?: () => readonly Diagnostic[];
}

/** Opens a source for one analysis, with the settings its own findings are judged by. */
export type OpenEventSource = (settings: ReadonlyMap<string, RuleSettings>) => Promise<EventSource>;

/** The smallest run any enabled rule reports: detection keeps nothing shorter. */
function smallestThreshold(settings: ReadonlyMap<string, RuleSettings>): number {
  const mins = [nPlusOne, repeatedIdenticalQuery]
    .filter((meta) => settings.get(meta.id)?.enabled !== false)
    .map((meta) => settings.get(meta.id)?.thresholds.minRepeats ?? meta.thresholds?.minRepeats?.default ?? 5);
  return mins.length > 0 ? Math.min(...mins) : Number.POSITIVE_INFINITY;
}

export function skippedFinding(skipped: SkippedInput): Diagnostic {
  return {
    rule: UNSUPPORTED_INPUT.id,
    category: UNSUPPORTED_INPUT.category,
    severity: UNSUPPORTED_INPUT.defaultSeverity,
    message: `${skipped.count} ${skipped.count === 1 ? 'entry was' : 'entries were'} skipped: ${skipped.reason} (the first at line ${skipped.firstLine}).`,
    help: 'Check the file is the format it looks like (for a stderr log, its log_line_prefix: --log-prefix).',
    file: skipped.file,
    line: skipped.firstLine,
    data: { count: skipped.count },
    docsUrl: docsUrl(UNSUPPORTED_INPUT.id),
  };
}

export function brokenFinding(file: string, broken: ReadBreak): Diagnostic {
  return {
    rule: UNSUPPORTED_INPUT.id,
    category: UNSUPPORTED_INPUT.category,
    severity: UNSUPPORTED_INPUT.defaultSeverity,
    message: `${file} could not be read to its end: ${broken.reason}; the lines before were analyzed.`,
    help: 'Check that the file was copied whole (gzip -t tells whether a .gz is complete).',
    file,
    line: broken.line,
    docsUrl: docsUrl(UNSUPPORTED_INPUT.id),
  };
}

/** N+1 and repeated-query findings over query events, one source at a time (units never span files). */
export async function analyzeEventSources(
  sources: readonly OpenEventSource[],
  settings: ReadonlyMap<string, RuleSettings>,
): Promise<Diagnostic[]> {
  await initSql();
  const min = smallestThreshold(settings);
  const idleGapMs =
    settings.get(nPlusOne.id)?.thresholds.idleGapMs ?? nPlusOne.thresholds?.idleGapMs?.default;
  const diagnostics: Diagnostic[] = [];
  for (const open of sources) {
    const source = await open(settings);
    const folder = new RepeatFolder(settings, (sql) => statementFacts(sql)?.fingerprint);
    await scanRepeats(source.batches, min, (repeat) => folder.add(repeat), {
      ...(idleGapMs !== undefined && { idleGapMs }),
    });
    diagnostics.push(...folder.findings());
    diagnostics.push(...(source.findings?.() ?? []));
    const skipped = source.skipped();
    if (skipped) diagnostics.push(skippedFinding(skipped));
    const broken = source.broken?.();
    if (broken) diagnostics.push(brokenFinding(source.file, broken));
  }
  return diagnostics;
}

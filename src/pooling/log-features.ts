import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { type LogOptions, type LogSummary, readLog } from '../sources/logs/read-log.js';
import { splitStatements } from '../sql/split.js';
import { featureDiagnostic } from './feature-diagnostic.js';
import { type FeatureHit, featureHits } from './feature-hits.js';

interface Seen {
  readonly hit: FeatureHit;
  readonly line: number;
  count: number;
  readonly sessions: Set<string>;
  readonly lines: number[];
}

/** Lines of a log that are shown for one feature; the count says how many there were. */
const LINES_SHOWN = 5;

/**
 * Session features in the statements a PostgreSQL log recorded (log_statement or
 * log_min_duration_statement): one finding per feature and statement text, at its first line,
 * with how often and in how many sessions it ran.
 */
export async function logFeatures(
  file: string,
  severity: Severity,
  options: LogOptions = {},
): Promise<{ diagnostics: Diagnostic[]; summary: LogSummary }> {
  const { batches, summary } = await readLog(file, options);
  const seen = new Map<string, Seen>();
  for await (const batch of batches)
    for (const event of batch)
      for (const hit of featureHits(splitStatements(event.sql, file))) {
        const key = `${hit.rule.meta.id}\0${hit.use.what}\0${hit.statement}`;
        const entry = seen.get(key) ?? {
          hit,
          line: event.origin.line,
          count: 0,
          sessions: new Set(),
          lines: [],
        };
        entry.count++;
        entry.sessions.add(event.unit);
        if (entry.lines.length < LINES_SHOWN) entry.lines.push(event.origin.line);
        seen.set(key, entry);
      }
  const diagnostics = [...seen.values()].map((entry) =>
    featureDiagnostic(entry.hit, { file, line: entry.line }, severity, {
      source: 'log',
      executions: entry.count,
      sessions: entry.sessions.size,
      lines: entry.lines,
    }),
  );
  return { diagnostics, summary: summary() };
}

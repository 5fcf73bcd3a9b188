import { detectRepeats } from '../nplusone/detect-repeats.js';
import type { EventOrigin, QueryEvent } from '../nplusone/query-event.js';
import { repeatFindings } from '../nplusone/repeat-findings.js';
import { normalizedText } from '../nplusone/statement-facts.js';
import { nPlusOne } from '../rules/n-plus-one/n-plus-one.js';
import { repeatedIdenticalQuery } from '../rules/n-plus-one/repeated-identical-query.js';
import { initSql } from '../sql/parser.js';
import { splitStatements } from '../sql/split.js';
import type { NPlusOneFinding } from './finding.js';
import type { ResolvedOptions } from './options.js';
import type { RecordedQuery } from './recorded-query.js';

/*
 * Loaded on first analysis only (import()): the parser and the detector are not paid for by a test
 * file that imports pgvigil/runtime and never ends a watch.
 */

// Two calls with different parameters must not compare equal: Dates, buffers and objects by value.
function parameterText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

const NO_FRAME = '(no application frame)';

// exec() takes a script: each of its statements is an execution of its own.
function statementsOf(query: RecordedQuery): readonly string[] {
  if (!query.method.endsWith('exec')) return [query.sql];
  const statements = splitStatements(query.sql, NO_FRAME).statements;
  return statements.length > 1 ? statements.map((s) => s.text) : [query.sql];
}

function settingsFor(options: ResolvedOptions) {
  return new Map(
    [nPlusOne, repeatedIdenticalQuery].map((meta) => [
      meta.id,
      {
        id: meta.id,
        enabled: true,
        severity: meta.defaultSeverity,
        thresholds: { minRepeats: options.minRepeats },
      },
    ]),
  );
}

/** The N+1 and repeated-identical findings among queries recorded in order, as one unit. */
export async function analyzeQueries(
  queries: readonly RecordedQuery[],
  unit: string,
  options: ResolvedOptions,
): Promise<NPlusOneFinding[]> {
  await initSql();
  const sent = new Map<EventOrigin, RecordedQuery>();
  const events: QueryEvent[] = [];
  for (const query of queries)
    for (const sql of statementsOf(query)) {
      const frame = query.stack[0];
      const origin: EventOrigin = { file: frame?.file ?? NO_FRAME, line: frame?.line ?? 0 };
      sent.set(origin, query);
      events.push({
        origin,
        unit,
        sql,
        ...(query.parameters && { parameters: query.parameters.map(parameterText) }),
        ...(query.durationMs !== undefined && { durationMs: query.durationMs }),
      });
    }
  const settings = settingsFor(options);
  const findings: NPlusOneFinding[] = [];
  for (const repeat of await detectRepeats(events, options.minRepeats)) {
    const first = repeat.block[0] && sent.get(repeat.block[0].origin);
    if (!first) continue;
    const normalized = repeat.block.map((q) => normalizedText(q.sql));
    if (repeat.block.some((q, i) => options.allow(sent.get(q.origin) ?? first, normalized[i] ?? q.sql)))
      continue;
    for (const diagnostic of repeatFindings([repeat], settings))
      findings.push({
        rule: diagnostic.rule === nPlusOne.id ? 'n-plus-one' : 'repeated-identical-query',
        count: repeat.count,
        fingerprints: repeat.block.map((q) => q.fingerprint),
        queries: normalized,
        ...(repeat.parent && { previousQuery: normalizedText(repeat.parent.sql) }),
        first,
        stack: first.stack,
        ...(diagnostic.suggestedSql && { suggestedSql: diagnostic.suggestedSql }),
        diagnostic,
      });
  }
  return findings;
}

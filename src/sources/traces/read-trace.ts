import { readFile } from 'node:fs/promises';
import type { QueryEvent, SkippedInput } from '../../nplusone/query-event.js';
import { type OtlpAttribute, type OtlpSpan, plainValue, spansOf } from './otlp-spans.js';

// Old and new semantic conventions for the statement text.
const STATEMENT_KEYS = ['db.query.text', 'db.statement'];
// instrumentation-pg's enhancedDatabaseReporting writes the values as one array.
const VALUES_KEY = 'db.postgresql.values';
const PARAMETER_PREFIX = 'db.query.parameter.';

function attribute(span: OtlpSpan, key: string): OtlpAttribute | undefined {
  return span.attributes?.find((a) => a.key === key);
}

function parametersOf(span: OtlpSpan): string[] | undefined {
  const values = attribute(span, VALUES_KEY)?.value?.arrayValue?.values;
  if (values) return values.map((v) => plainValue(v) ?? 'NULL');
  const named = (span.attributes ?? []).filter((a) => a.key.startsWith(PARAMETER_PREFIX));
  if (named.length === 0) return undefined;
  return named
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }))
    .map((a) => plainValue(a.value) ?? 'NULL');
}

function nanos(value: string | number | undefined): bigint | undefined {
  try {
    return value === undefined ? undefined : BigInt(value);
  } catch {
    return undefined;
  }
}

interface Timed {
  readonly start: bigint;
  readonly event: QueryEvent;
}

function eventOf(file: string, line: number, span: OtlpSpan): Timed | undefined {
  const sql = STATEMENT_KEYS.map((key) => plainValue(attribute(span, key)?.value)).find(
    (v) => v !== undefined,
  );
  if (sql === undefined || !span.traceId) return undefined;
  const start = nanos(span.startTimeUnixNano) ?? 0n;
  const end = nanos(span.endTimeUnixNano);
  const parameters = parametersOf(span);
  return {
    start,
    event: {
      origin: { file, line, ...(span.spanId && { span: span.spanId }) },
      unit: `trace ${span.traceId}, parent span ${span.parentSpanId || '(root)'}`,
      sql,
      ...(parameters && { parameters }),
      ...(end !== undefined && end >= start && { durationMs: Number(end - start) / 1e6 }),
    },
  };
}

export class TraceFormatError extends Error {}

/**
 * The database spans of an OTLP JSON file (one ExportTraceServiceRequest, or JSON lines of them as
 * the OpenTelemetry file exporter writes), in start order within each trace and parent span.
 */
export async function readTrace(file: string): Promise<{ events: QueryEvent[]; skipped?: SkippedInput }> {
  const text = await readFile(file, 'utf8');
  let requests: { line: number; value: unknown }[];
  try {
    requests = [{ line: 1, value: JSON.parse(text) }];
  } catch {
    requests = text.split('\n').flatMap((line, i) => {
      if (line.trim() === '') return [];
      try {
        return [{ line: i + 1, value: JSON.parse(line) as unknown }];
      } catch {
        return [{ line: i + 1, value: undefined }];
      }
    });
  }
  const timed: Timed[] = [];
  let bad = 0;
  let firstBad = 0;
  for (const { line, value } of requests) {
    const spans = spansOf(value);
    if (!spans) {
      bad++;
      firstBad ||= line;
      continue;
    }
    for (const span of spans) {
      const found = eventOf(file, line, span);
      if (found) timed.push(found);
    }
  }
  if (bad === requests.length && bad > 0)
    throw new TraceFormatError(
      `${file}: not an OTLP JSON trace (no resourceSpans); export traces as OTLP JSON.`,
    );
  timed.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return {
    events: timed.map((t) => t.event),
    ...(bad > 0 && {
      skipped: {
        file,
        count: bad,
        firstLine: firstBad,
        reason: 'lines that are not OTLP JSON trace requests',
      },
    }),
  };
}

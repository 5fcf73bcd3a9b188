import type { QueryEvent, SkippedInput } from '../../nplusone/query-event.js';
import { csvRecords } from './csv-records.js';
import { jsonRecords } from './json-records.js';
import { compilePrefix, detectPrefix } from './line-prefix.js';
import { isBad, type LogRecord, type RecordOrBad } from './log-record.js';
import { readParameters, readQueryMessage } from './query-message.js';
import { readLineBatches } from './read-lines.js';
import { stderrRecords } from './stderr-records.js';

export type LogFormat = 'stderr' | 'csvlog' | 'jsonlog';

export interface LogOptions {
  /** log_line_prefix of a stderr log; detected from the first lines when absent. */
  readonly prefix?: string;
}

/** What reading one log found besides its queries. */
export interface LogSummary {
  readonly format: LogFormat;
  readonly prefix?: string;
  readonly skipped?: SkippedInput;
}

const SAMPLE_LINES = 200;
const CSV_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [^\s,]+,/;

/** The first lines, then every batch again: detection looks ahead without reading the file twice. */
async function peek(
  batches: AsyncIterator<string[]>,
): Promise<{ sample: string[]; all: AsyncIterable<string[]> }> {
  const seen: string[][] = [];
  let count = 0;
  while (count < SAMPLE_LINES) {
    const next = await batches.next();
    if (next.done) break;
    seen.push(next.value);
    count += next.value.length;
  }
  async function* all(): AsyncGenerator<string[]> {
    yield* seen;
    for (let next = await batches.next(); !next.done; next = await batches.next()) yield next.value;
  }
  return { sample: seen.flat().slice(0, SAMPLE_LINES), all: all() };
}

function formatOf(sample: readonly string[]): LogFormat {
  const first = sample.find((line) => line.trim() !== '') ?? '';
  if (first.startsWith('{')) return 'jsonlog';
  if (CSV_START.test(first)) return 'csvlog';
  return 'stderr';
}

export class LogFormatError extends Error {}

/**
 * A PostgreSQL log's statements as query events, one session per unit, read as a stream. Lines
 * that are not log lines are counted into `summary`, which is complete when the iteration ends.
 */
export async function readLog(
  file: string,
  options: LogOptions = {},
): Promise<{ events: AsyncIterable<QueryEvent>; summary: () => LogSummary }> {
  const { sample, all } = await peek(readLineBatches(file)[Symbol.asyncIterator]());
  const format = formatOf(sample);
  let records: AsyncIterable<readonly RecordOrBad[]>;
  let prefix: string | undefined;
  if (format === 'stderr') {
    const compiled = options.prefix !== undefined ? compilePrefix(options.prefix) : detectPrefix(sample);
    if (!compiled)
      throw new LogFormatError(
        `${file}: no line matches a common log_line_prefix; give yours with --log-prefix '<log_line_prefix>'.`,
      );
    prefix = compiled.prefix;
    records = stderrRecords(all, compiled);
  } else records = format === 'csvlog' ? csvRecords(all) : jsonRecords(all);
  let bad = 0;
  let firstBad = 0;
  async function* events(): AsyncGenerator<QueryEvent> {
    for await (const record of assemble(file, records, (line) => {
      bad++;
      if (firstBad === 0) firstBad = line;
    }))
      yield record;
  }
  const summary = (): LogSummary => ({
    format,
    ...(prefix !== undefined && { prefix }),
    ...(bad > 0 && {
      skipped: { file, count: bad, firstLine: firstBad, reason: `not ${format} log lines` },
    }),
  });
  return { events: events(), summary };
}

/** Records to events; a bare `duration:` completes its session's last statement. */
async function* assemble(
  file: string,
  batches: AsyncIterable<readonly RecordOrBad[]>,
  onBad: (line: number) => void,
): AsyncGenerator<QueryEvent> {
  const pending = new Map<string, QueryEvent>();
  for await (const batch of batches)
    for (const item of batch) {
      if (isBad(item)) {
        onBad(item.line);
        continue;
      }
      const message = readQueryMessage(item.message);
      if (message.kind === 'other') continue;
      const last = pending.get(item.session);
      if (message.kind === 'duration') {
        if (last) {
          pending.delete(item.session);
          yield { ...last, durationMs: message.durationMs };
        }
        continue;
      }
      if (last) yield last;
      pending.set(item.session, eventOf(file, item, message.sql, message.durationMs));
      if (message.durationMs !== undefined) {
        const done = pending.get(item.session);
        pending.delete(item.session);
        if (done) yield done;
      }
    }
  yield* pending.values();
}

function eventOf(file: string, record: LogRecord, sql: string, durationMs: number | undefined): QueryEvent {
  const parameters = readParameters(record.detail);
  return {
    origin: { file, line: record.line },
    unit: `session ${record.session}`,
    sql,
    ...(parameters && { parameters }),
    ...(durationMs !== undefined && { durationMs }),
  };
}

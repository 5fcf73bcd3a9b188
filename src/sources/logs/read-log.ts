import type { QueryEvent, SkippedInput } from '../../nplusone/query-event.js';
import { csvRecords } from './csv-records.js';
import { jsonRecords } from './json-records.js';
import { compilePrefix, detectPrefix } from './line-prefix.js';
import { isBad, type LogRecord, type RecordOrBad } from './log-record.js';
import { ownCopy } from './own-copy.js';
import { readParameters, readQueryMessage } from './query-message.js';
import { type ReadBreak, readLineBatches } from './read-lines.js';
import { stderrRecords } from './stderr-records.js';

export type LogFormat = 'stderr' | 'csvlog' | 'jsonlog';

export interface LogOptions {
  /** log_line_prefix of a stderr log; detected from the first lines when absent. */
  readonly prefix?: string;
  /** Each plan auto_explain logged, with the line its record starts on. */
  readonly onPlan?: (plan: { readonly line: number; readonly text: string }) => void;
  /** Bytes of the file read so far, and its size: for a progress bar. */
  readonly onProgress?: (read: number, size: number) => void;
}

/** What reading one log found besides its queries. */
export interface LogSummary {
  readonly format: LogFormat;
  readonly prefix?: string;
  readonly skipped?: SkippedInput;
  /** The file could not be read to its end (a truncated gzip): what came before was read. */
  readonly broken?: ReadBreak;
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
 * A log with no line in it (just rotated, nothing logged yet) has no prefix to find: it holds no
 * query, which is no mistake. Only when the sample is the whole file.
 */
function isBlank(sample: readonly string[]): boolean {
  return sample.length < SAMPLE_LINES && sample.every((line) => line.trim() === '');
}

async function* nothing(): AsyncGenerator<readonly RecordOrBad[]> {}

/**
 * A PostgreSQL log's statements as batches of query events, one session per unit, read as a stream. Lines
 * that are not log lines are counted into `summary`, which is complete when the iteration ends.
 */
export async function readLog(
  file: string,
  options: LogOptions = {},
): Promise<{ batches: AsyncIterable<readonly QueryEvent[]>; summary: () => LogSummary }> {
  let broken: ReadBreak | undefined;
  const lines = readLineBatches(file, {
    onBreak: (b) => {
      broken = b;
    },
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  const { sample, all } = await peek(lines[Symbol.asyncIterator]());
  const format = formatOf(sample);
  let records: AsyncIterable<readonly RecordOrBad[]>;
  let prefix: string | undefined;
  if (format === 'stderr') {
    const compiled = options.prefix !== undefined ? compilePrefix(options.prefix) : detectPrefix(sample);
    if (!compiled && !isBlank(sample))
      throw new LogFormatError(
        `${file}: no line matches a common log_line_prefix; give yours with --log-prefix '<log_line_prefix>'.`,
      );
    prefix = compiled?.prefix;
    records = compiled ? stderrRecords(all, compiled) : nothing();
  } else records = format === 'csvlog' ? csvRecords(all) : jsonRecords(all);
  let bad = 0;
  let firstBad = 0;
  const onBad = (line: number): void => {
    bad++;
    if (firstBad === 0) firstBad = line;
  };
  const summary = (): LogSummary => ({
    format,
    ...(prefix !== undefined && { prefix }),
    ...(broken && { broken }),
    ...(bad > 0 && {
      skipped: { file, count: bad, firstLine: firstBad, reason: `not ${format} log lines` },
    }),
  });
  return { batches: assemble(file, records, onBad, options.onPlan), summary };
}

/** Records to events, a batch at a time; a bare `duration:` completes its session's last statement. */
async function* assemble(
  file: string,
  batches: AsyncIterable<readonly RecordOrBad[]>,
  onBad: (line: number) => void,
  onPlan: LogOptions['onPlan'],
): AsyncGenerator<QueryEvent[]> {
  const pending = new Map<string, QueryEvent>();
  for await (const batch of batches) {
    const out: QueryEvent[] = [];
    for (const item of batch) {
      if (isBad(item)) {
        onBad(item.line);
        continue;
      }
      const message = readQueryMessage(item.message);
      if (message.kind === 'other') continue;
      if (message.kind === 'plan') {
        onPlan?.({ line: item.line, text: message.text });
        continue;
      }
      const last = pending.get(item.session);
      if (last) pending.delete(item.session);
      if (message.kind === 'duration') {
        if (last) out.push({ ...last, durationMs: message.durationMs });
        continue;
      }
      if (last) out.push(last);
      const event = eventOf(file, item, message.sql, message.durationMs);
      if (message.durationMs !== undefined) out.push(event);
      else pending.set(item.session, event);
    }
    yield out;
  }
  yield [...pending.values()];
}

function eventOf(file: string, record: LogRecord, sql: string, durationMs: number | undefined): QueryEvent {
  const parameters = readParameters(record.detail)?.map(ownCopy);
  return {
    origin: { file, line: record.line },
    unit: ownCopy(`session ${record.session}`),
    sql: ownCopy(sql),
    ...(parameters && { parameters }),
    ...(durationMs !== undefined && { durationMs }),
    ...(record.loggedAt !== undefined && { loggedAt: record.loggedAt }),
  };
}

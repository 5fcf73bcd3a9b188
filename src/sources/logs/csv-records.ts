import type { RecordOrBad } from './log-record.js';
import { logTimeMs } from './log-time.js';

// Columns of csvlog (PostgreSQL 13 to 18 share the ones read here).
const LOG_TIME = 0;
const PROCESS_ID = 3;
const SESSION_ID = 5;
const SEVERITY = 11;
const MESSAGE = 13;
const DETAIL = 14;
const MIN_COLUMNS = 15;

/** One CSV row's fields; undefined when its quotes do not close. */
export function csvFields(row: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i];
    if (quoted) {
      if (char === '"' && row[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

function quotesBalanced(text: string): boolean {
  let count = 0;
  for (const char of text) if (char === '"') count++;
  return count % 2 === 0;
}

/** csvlog rows as records; a quoted field may span lines (multi-line statements). */
export async function* csvRecords(batches: AsyncIterable<readonly string[]>): AsyncGenerator<RecordOrBad[]> {
  let row = '';
  let start = 0;
  let number = 0;
  for await (const batch of batches) {
    const out: RecordOrBad[] = [];
    for (const text of batch) {
      number++;
      if (row === '') start = number;
      row = row === '' ? text : `${row}\n${text}`;
      if (!quotesBalanced(row)) continue;
      const fields = csvFields(row);
      row = '';
      if (!fields || fields.length < MIN_COLUMNS) {
        if (text.trim() !== '') out.push({ bad: true, line: start });
        continue;
      }
      const detail = fields[DETAIL] ?? '';
      const loggedAt = logTimeMs(fields[LOG_TIME]);
      out.push({
        ...(loggedAt !== undefined && { loggedAt }),
        line: start,
        session: fields[SESSION_ID] || (fields[PROCESS_ID] ?? ''),
        severity: fields[SEVERITY] ?? '',
        message: fields[MESSAGE] ?? '',
        ...(detail !== '' && { detail }),
      });
    }
    yield out;
  }
  if (row !== '') yield [{ bad: true, line: start }];
}

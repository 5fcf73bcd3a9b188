import type { RecordOrBad } from './log-record.js';
import { logTimeMs } from './log-time.js';

/** jsonlog (PostgreSQL 15+): one object per line. */
export async function* jsonRecords(batches: AsyncIterable<readonly string[]>): AsyncGenerator<RecordOrBad[]> {
  let number = 0;
  for await (const batch of batches) {
    const out: RecordOrBad[] = [];
    for (const text of batch) {
      number++;
      if (text.trim() === '') continue;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(text);
      } catch {
        out.push({ bad: true, line: number });
        continue;
      }
      if (typeof entry !== 'object' || entry === null || typeof entry.message !== 'string') {
        out.push({ bad: true, line: number });
        continue;
      }
      const loggedAt = logTimeMs(typeof entry.timestamp === 'string' ? entry.timestamp : undefined);
      out.push({
        ...(loggedAt !== undefined && { loggedAt }),
        line: number,
        session: String(entry.session_id ?? entry.pid ?? ''),
        severity: String(entry.error_severity ?? ''),
        message: entry.message,
        ...(typeof entry.detail === 'string' && { detail: entry.detail }),
      });
    }
    yield out;
  }
}

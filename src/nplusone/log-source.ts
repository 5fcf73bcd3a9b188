import { type LogOptions, readLog } from '../sources/logs/read-log.js';
import type { EventSource } from './analyze-logs.js';

/** A PostgreSQL log as an event source. */
export function logSource(file: string, options: LogOptions = {}): () => Promise<EventSource> {
  return async () => {
    const { batches, summary } = await readLog(file, options);
    return { file, batches, skipped: () => summary().skipped, broken: () => summary().broken };
  };
}

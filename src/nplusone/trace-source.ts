import { readTrace } from '../sources/traces/read-trace.js';
import type { EventSource } from './analyze-logs.js';

/** An OTLP JSON trace file as an event source. */
export function traceSource(file: string): () => Promise<EventSource> {
  return async () => {
    const { events, skipped } = await readTrace(file);
    return { file, batches: [events], skipped: () => skipped };
  };
}

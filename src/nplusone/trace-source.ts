import { readTrace } from '../sources/traces/read-trace.js';
import type { OpenEventSource } from './analyze-logs.js';

/** An OTLP JSON trace file as an event source. */
export function traceSource(file: string): OpenEventSource {
  return async () => {
    const { events, skipped } = await readTrace(file);
    return { file, batches: [events], skipped: () => skipped };
  };
}

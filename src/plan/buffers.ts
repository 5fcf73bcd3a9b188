import type { PlanBuffers, PlanValue } from './model.js';

/** EXPLAIN's JSON names for the buffer counters; the text format's "Buffers:" line maps onto them. */
export const BUFFER_KEYS: Readonly<Record<keyof PlanBuffers, string>> = {
  sharedHit: 'Shared Hit Blocks',
  sharedRead: 'Shared Read Blocks',
  sharedDirtied: 'Shared Dirtied Blocks',
  sharedWritten: 'Shared Written Blocks',
  localHit: 'Local Hit Blocks',
  localRead: 'Local Read Blocks',
  tempRead: 'Temp Read Blocks',
  tempWritten: 'Temp Written Blocks',
};

/**
 * The counters among a node's properties; undefined when all are zero or absent: the text format
 * prints no "Buffers:" line then, so both formats agree.
 */
export function buffersOf(properties: Readonly<Record<string, PlanValue>>): PlanBuffers | undefined {
  const entries = Object.entries(BUFFER_KEYS) as [keyof PlanBuffers, string][];
  if (!entries.some(([, key]) => typeof properties[key] === 'number' && properties[key] !== 0))
    return undefined;
  const counters = Object.fromEntries(
    entries.map(([field, key]) => [field, typeof properties[key] === 'number' ? properties[key] : 0]),
  );
  return counters as unknown as PlanBuffers;
}

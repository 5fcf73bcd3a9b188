import type { Figures } from './case.js';
import type { RunSample } from './measure.js';
import { summarize } from './measure.js';

/** The JSON object a probe printed as the last line of its stdout. */
export function probeReport(sample: RunSample): Record<string, unknown> {
  const line = sample.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`bench: a probe printed no JSON figures (last line: ${JSON.stringify(line)})`);
  }
}

export function probeNumber(sample: RunSample, key: string): number {
  const value = probeReport(sample)[key];
  if (typeof value !== 'number') throw new Error(`bench: probe figure "${key}" is missing`);
  return value;
}

/** Median, min and max of one figure the probe measured inside its own process. */
export function probeFigures(samples: readonly RunSample[], key: string): Figures {
  return summarize(samples.map((sample) => probeNumber(sample, key)));
}

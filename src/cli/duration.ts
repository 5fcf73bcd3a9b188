import { UsageError } from './usage-error.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, min: 60_000 };

/** "30s", "500ms", "2min" or plain seconds ("30"), as milliseconds. */
export function durationMs(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min)?$/.exec(text.trim());
  const value = match ? Number(match[1]) * (UNITS[match[2] ?? 's'] ?? 1000) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${option} ${text} is not a duration; write it as 30s, 500ms or 2min.`);
  return value;
}

/** A whole number of at least 0. */
export function countOf(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option} ${text} is not a whole number of rows.`);
  return Number(text);
}

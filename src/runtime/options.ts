import { nPlusOne } from '../rules/n-plus-one/n-plus-one.js';
import type { RecordedQuery } from './recorded-query.js';

/** How detectNPlusOne and watchQueries judge what they recorded. */
export interface DetectOptions {
  /** Executions in a row that make a repeat (the n-plus-one rule's minRepeats, 5 by default). */
  readonly minRepeats?: number;
  /**
   * Repeats to accept: a predicate over the repeated query, or patterns matched against its text
   * (as sent, and normalized with $n for constants).
   */
  readonly allow?: ((query: RecordedQuery) => boolean) | readonly RegExp[];
  /** Also fail on the same read repeated with the same parameters (repeated-identical-query). Default false. */
  readonly throwOnRepeatIdentical?: boolean;
  /** 'throw' (default) raises an NPlusOneError; 'warn' prints the report with console.warn and returns. */
  readonly onDetect?: 'throw' | 'warn';
}

export interface ResolvedOptions {
  readonly minRepeats: number;
  readonly allow: (query: RecordedQuery, normalized: string) => boolean;
  readonly throwOnRepeatIdentical: boolean;
  readonly onDetect: 'throw' | 'warn';
}

export const DEFAULT_MIN_REPEATS = nPlusOne.thresholds?.minRepeats?.default ?? 5;

export function resolveOptions(options: DetectOptions = {}): ResolvedOptions {
  const { allow, minRepeats = DEFAULT_MIN_REPEATS } = options;
  if (!Number.isInteger(minRepeats) || minRepeats < 2)
    throw new RangeError(`pgvigil/runtime: minRepeats must be an integer of at least 2 (got ${minRepeats}).`);
  const patterns = typeof allow === 'function' ? undefined : (allow ?? []);
  const predicate = typeof allow === 'function' ? allow : undefined;
  return {
    minRepeats,
    allow: (query, normalized) =>
      predicate
        ? predicate(query) === true
        : (patterns ?? []).some((p) => p.test(query.sql) || p.test(normalized)),
    throwOnRepeatIdentical: options.throwOnRepeatIdentical ?? false,
    onDetect: options.onDetect ?? 'throw',
  };
}

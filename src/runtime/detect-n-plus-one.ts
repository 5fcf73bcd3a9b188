import type { Watchable } from './attach.js';
import type { NPlusOneFinding } from './finding.js';
import type { DetectOptions } from './options.js';
import type { RecordedQuery } from './recorded-query.js';
import { startWatch } from './watch-queries.js';

/** What detectNPlusOne returns when nothing failed. */
export interface DetectResult<T> {
  /** What the callback returned. */
  readonly value: T;
  /** Every query the callback sent through the targets, in order. */
  readonly queries: readonly RecordedQuery[];
  /** Repeats that did not fail: identical repeats (unless throwOnRepeatIdentical), or every one with onDetect 'warn'. */
  readonly findings: readonly NPlusOneFinding[];
}

/**
 * Runs the callback with every query it sends through the targets (a pg Pool or Client, a PGlite
 * instance, or several) recorded with its stack, then throws an NPlusOneError whose message is the
 * report when it ran an N+1. The targets' methods are restored before it returns or throws, also
 * when the callback throws (its error then propagates unchanged, without analysis).
 */
export async function detectNPlusOne<T>(
  targets: Watchable | readonly Watchable[],
  callback: () => T | Promise<T>,
  options: DetectOptions = {},
): Promise<DetectResult<T>> {
  const watch = startWatch(targets, options, true, 'the detectNPlusOne callback');
  let value: T;
  try {
    value = await watch.run(callback);
  } finally {
    watch.stop();
  }
  const findings = await watch.check();
  return { value, queries: watch.queries(), findings };
}

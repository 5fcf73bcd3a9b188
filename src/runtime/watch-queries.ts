import { attach, type Watchable } from './attach.js';
import type { NPlusOneFinding } from './finding.js';
import { NPlusOneError } from './n-plus-one-error.js';
import { type DetectOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { runInScope } from './record-call.js';
import { QueryRecorder, type RecordedQuery } from './recorded-query.js';

/** An open watch over one or more pools, clients or PGlite instances. */
export interface QueryWatch {
  /** The queries recorded so far, in the order they were sent. */
  queries(): readonly RecordedQuery[];
  /** Stops recording and puts the original methods back; calling it again does nothing. */
  stop(): void;
  /** Every repeat among the recorded queries, failing or not. */
  findings(): Promise<readonly NPlusOneFinding[]>;
  /** The findings; throws an NPlusOneError when one fails the options (or warns, with onDetect 'warn'). */
  check(): Promise<readonly NPlusOneFinding[]>;
}

export interface ScopedWatch extends QueryWatch {
  /** Runs fn with its queries recorded; queries sent outside it (other tests, other requests) are not. */
  run<T>(fn: () => T): T;
}

export const failsOn = (options: ResolvedOptions, finding: NPlusOneFinding): boolean =>
  finding.rule === 'n-plus-one' || options.throwOnRepeatIdentical;

/** Starts a watch; scoped watches record only inside run(). */
export function startWatch(
  targets: Watchable | readonly Watchable[],
  options: DetectOptions,
  scoped: boolean,
  unit: string,
): ScopedWatch {
  const resolved = resolveOptions(options);
  const recorder = new QueryRecorder(scoped);
  const detach: (() => void)[] = [];
  const stop = (): void => {
    for (const undo of detach.splice(0).reverse()) undo();
  };
  try {
    for (const target of Array.isArray(targets) ? targets : [targets]) detach.push(attach(target, recorder));
  } catch (error) {
    stop();
    throw error;
  }
  const findings = async (): Promise<readonly NPlusOneFinding[]> => {
    const { analyzeQueries } = await import('./analyze-queries.js');
    return analyzeQueries(recorder.queries(), unit, resolved);
  };
  return {
    queries: () => recorder.queries(),
    stop,
    findings,
    run: (fn) => runInScope(recorder, fn),
    check: async () => {
      const found = await findings();
      const failures = found.filter((f) => failsOn(resolved, f));
      if (failures.length === 0) return found;
      const error = new NPlusOneError(failures, recorder.queries());
      if (resolved.onDetect === 'throw') throw error;
      console.warn(error.message);
      return found;
    },
  };
}

/**
 * Records every query sent through the targets, from anywhere, until stop(): for a test's
 * beforeEach/afterEach, or a block that is not one callback. detectNPlusOne is the one-call form.
 */
export function watchQueries(
  targets: Watchable | readonly Watchable[],
  options: DetectOptions = {},
): QueryWatch {
  const { run: _run, ...watch } = startWatch(targets, options, false, 'the watched queries');
  return watch;
}

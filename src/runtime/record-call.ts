import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { QueryRecorder, RecordedQuery } from './recorded-query.js';
import type { AnyMethod } from './replace-method.js';
import { applicationFrames, captureStack } from './stack.js';

/** The recorders listening to one watched pool, client or PGlite instance. */
export interface Listeners {
  readonly recorders: ReadonlySet<QueryRecorder>;
}

/** What a patched method knows about a call before it runs. */
export type CallFacts = Omit<RecordedQuery, 'stack' | 'durationMs'>;

// The scoped recorders whose callback is running: an async context, so two callbacks running at
// the same time on the same pool each see only their own queries.
const scopes = new AsyncLocalStorage<ReadonlySet<QueryRecorder>>();

/** Runs `fn` inside the recorder's scope (nested scopes add up). */
export function runInScope<T>(recorder: QueryRecorder, fn: () => T): T {
  return scopes.run(new Set([...(scopes.getStore() ?? []), recorder]), fn);
}

/**
 * The callback, run in the async context of the call that passed it: pg calls back from its socket's
 * events, where the scope of the callback that sent the query is lost, and queries sent from a
 * callback would escape their detectNPlusOne.
 */
export function inCallerContext(callback: AnyMethod): AnyMethod {
  return AsyncResource.bind(callback);
}

function listening(listeners: Listeners): QueryRecorder[] {
  const scope = scopes.getStore();
  return [...listeners.recorders].filter((r) => !r.scoped || scope?.has(r) === true);
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Records the call (with the caller's stack) for every recorder listening, then runs it with the
 * same arguments, except that a trailing callback is wrapped to time the query. The result, or the
 * error, is the driver's own.
 */
export function recordCall<T>(
  listeners: Listeners,
  facts: CallFacts | undefined,
  args: readonly unknown[],
  run: (args: unknown[]) => T,
): T {
  const recorders = facts ? listening(listeners) : [];
  if (!facts || recorders.length === 0) return run([...args]);
  const query: RecordedQuery = { ...facts, stack: applicationFrames(captureStack()) };
  const finishers = recorders.map((r) => r.start(query));
  const started = performance.now();
  const done = (): void => {
    const ms = performance.now() - started;
    for (const finish of finishers) finish(ms);
  };
  const last = args.at(-1);
  const callArgs =
    typeof last === 'function'
      ? [
          ...args.slice(0, -1),
          inCallerContext(function (this: unknown, ...results: unknown[]) {
            done();
            return last.apply(this, results);
          }),
        ]
      : [...args];
  const result = run(callArgs);
  // A second reader of the promise: the caller's own promise and its rejection are untouched.
  if (isThenable(result)) result.then(done, done);
  return result;
}

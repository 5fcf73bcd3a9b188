import { detectNPlusOne, type Watchable } from '../../../src/runtime/index.js';

/** What a promise rejected with, or undefined when it resolved. */
export const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

/** Runs work (an N+1) then throws inside detectNPlusOne: what it threw, and what came out. */
export async function throwAfter(
  target: Watchable,
  work: () => Promise<unknown>,
): Promise<{ thrown: Error; out: unknown }> {
  const thrown = new Error('boom');
  const out = await caught(
    detectNPlusOne(target, async () => {
      await work();
      throw thrown;
    }),
  );
  return { thrown, out };
}

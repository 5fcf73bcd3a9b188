import { pgCall } from './pg-call.js';
import { inCallerContext, type Listeners, recordCall } from './record-call.js';
import { type AnyMethod, replaceMethod } from './replace-method.js';

// The client pg-pool is running Pool.query's own client.query on: that query was recorded already,
// at Pool.query, where the application's stack still is.
let passThrough: object | undefined;

/** Records every query of a node-postgres Client until the returned function restores it. */
export function watchPgClient(client: object, listeners: Listeners): () => void {
  return replaceMethod(
    client,
    'query',
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        if (passThrough === this) return original.apply(this, args);
        return recordCall(listeners, pgCall('pg Client.query', args), args, (a) => original.apply(this, a));
      },
  );
}

/** The pool-internal connect callback of Pool.query, run with its client.query passed through. */
function passingThrough(callback: AnyMethod): AnyMethod {
  return function (this: unknown, error: unknown, client: object | undefined, ...rest: unknown[]) {
    const outer = passThrough;
    passThrough = client;
    try {
      return callback.call(this, error, client, ...rest);
    } finally {
      passThrough = outer;
    }
  };
}

/**
 * Records every query of a node-postgres Pool: Pool.query, and the clients pool.connect() hands
 * out (in both its promise and callback forms) until the returned function restores them all.
 */
export function watchPgPool(pool: object, listeners: Listeners): () => void {
  const clients = new Map<object, () => void>();
  const adopt = (client: unknown): void => {
    if (typeof client === 'object' && client !== null && !clients.has(client))
      clients.set(client, watchPgClient(client, listeners));
  };
  // True while the original Pool.query runs: pg-pool calls this.connect() synchronously from it.
  let insideQuery = false;
  const undoQuery = replaceMethod(
    pool,
    'query',
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        return recordCall(listeners, pgCall('pg Pool.query', args), args, (a) => {
          const outer = insideQuery;
          insideQuery = true;
          try {
            return original.apply(this, a);
          } finally {
            insideQuery = outer;
          }
        });
      },
  );
  const undoConnect = replaceMethod(
    pool,
    'connect',
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        const [callback] = args;
        if (typeof callback !== 'function') {
          const pending = original.apply(this, args) as Promise<unknown>;
          return pending.then((client) => {
            adopt(client);
            return client;
          });
        }
        if (insideQuery) return original.call(this, passingThrough(callback as AnyMethod));
        // Bound: a waiting connect is called back from release(), in the releasing caller's context.
        return original.call(
          this,
          inCallerContext(function (this: unknown, error: unknown, client: unknown, ...rest: unknown[]) {
            if (!error) adopt(client);
            return (callback as AnyMethod).call(this, error, client, ...rest);
          }),
        );
      },
  );
  return () => {
    undoQuery();
    undoConnect();
    for (const undo of clients.values()) undo();
  };
}

import { type CallFacts, type Listeners, recordCall } from './record-call.js';
import { type AnyMethod, replaceMethod } from './replace-method.js';

function call(method: string, sql: unknown, parameters?: unknown): CallFacts | undefined {
  if (typeof sql !== 'string') return undefined;
  return { sql, method, ...(Array.isArray(parameters) && { parameters: parameters as readonly unknown[] }) };
}

// PGlite's sql`` turns each interpolation into the next $n: the same text, for what the detector needs.
function templateText(strings: unknown): string | undefined {
  if (!Array.isArray(strings)) return undefined;
  return strings.reduce(
    (text: string, part: string, i: number) => (i === 0 ? part : `${text}$${i}${part}`),
    '',
  );
}

type Tx = Record<string, unknown>;

/** The transaction object's query, sql and exec record too (it is a fresh object: nothing to restore). */
function watchTransaction(tx: Tx, listeners: Listeners): void {
  const wrap = (name: string, facts: (args: unknown[]) => CallFacts | undefined): void => {
    const original = tx[name];
    if (typeof original !== 'function') return;
    tx[name] = function (this: unknown, ...args: unknown[]) {
      return recordCall(listeners, facts(args), args, (a) => (original as AnyMethod).apply(this, a));
    };
  };
  wrap('query', ([sql, params]) => call('PGlite transaction query', sql, params));
  wrap('exec', ([sql]) => call('PGlite transaction exec', sql));
  wrap('sql', ([strings, ...values]) => call('PGlite transaction sql', templateText(strings), values));
}

/** A statement PGlite ran for transaction() itself: it bounds the transaction's unit. */
function mark(listeners: Listeners, sql: string): void {
  recordCall(listeners, { sql, method: 'PGlite transaction' }, [], () => undefined);
}

/**
 * Records every query of a PGlite instance: query, exec, sql`` (which runs through query) and
 * everything inside transaction(), until the returned function restores the instance.
 */
export function watchPglite(db: object, listeners: Listeners): () => void {
  const undos = [
    replaceMethod(
      db,
      'query',
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          return recordCall(listeners, call('PGlite query', args[0], args[1]), args, (a) =>
            original.apply(this, a),
          );
        },
    ),
    replaceMethod(
      db,
      'exec',
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          return recordCall(listeners, call('PGlite exec', args[0]), args, (a) => original.apply(this, a));
        },
    ),
    replaceMethod(
      db,
      'transaction',
      (original) =>
        function (this: unknown, callback: unknown, ...rest: unknown[]) {
          if (typeof callback !== 'function') return original.call(this, callback, ...rest);
          return original.call(
            this,
            async (tx: Tx) => {
              mark(listeners, 'BEGIN');
              watchTransaction(tx, listeners);
              try {
                const value = await (callback as AnyMethod)(tx);
                mark(listeners, 'COMMIT');
                return value;
              } catch (error) {
                mark(listeners, 'ROLLBACK');
                throw error;
              }
            },
            ...rest,
          );
        },
    ),
  ];
  return () => {
    for (const undo of undos.reverse()) undo();
  };
}

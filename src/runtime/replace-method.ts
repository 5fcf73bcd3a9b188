// biome-ignore lint/suspicious/noExplicitAny: driver methods of every signature pass through unchanged.
export type AnyMethod = (this: unknown, ...args: any[]) => any;

/**
 * Puts `wrap(original)` in place of a method, as an own property of the instance (other instances
 * of the class stay untouched), and returns the function that puts the original back.
 */
export function replaceMethod(
  target: object,
  name: string,
  wrap: (original: AnyMethod) => AnyMethod,
): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  const original = (target as Record<string, AnyMethod>)[name];
  if (typeof original !== 'function')
    throw new TypeError(`pgvigil/runtime: the watched object has no ${name}() method.`);
  Object.defineProperty(target, name, {
    value: wrap(original),
    writable: true,
    configurable: true,
    enumerable: own?.enumerable ?? false,
  });
  return () => {
    if (own) Object.defineProperty(target, name, own);
    else delete (target as Record<string, unknown>)[name];
  };
}

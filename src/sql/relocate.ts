/** Fields that hold libpg-query byte offsets into the parsed string. */
const LOCATION_FIELDS: ReadonlySet<string> = new Set(['location', 'name_location']);

/**
 * A copy of a parse tree with every byte-offset location mapped through `toIndex`.
 * Negative locations mean "unknown" in libpg-query and are kept as they are.
 */
export function relocate<T>(tree: T, toIndex: (byteOffset: number) => number): T {
  return copy(tree, toIndex) as T;
}

function copy(value: unknown, toIndex: (byteOffset: number) => number): unknown {
  if (Array.isArray(value)) return value.map((item) => copy(item, toIndex));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] =
      LOCATION_FIELDS.has(key) && typeof child === 'number' && child >= 0
        ? toIndex(child)
        : copy(child, toIndex);
  }
  return result;
}

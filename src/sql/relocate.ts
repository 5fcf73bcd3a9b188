/** Fields that hold libpg-query byte offsets into the parsed string. */
const LOCATION_FIELDS: ReadonlySet<string> = new Set(['location', 'name_location']);

/**
 * Maps every byte-offset location of a freshly parsed tree through `toIndex`, in place: the
 * tree belongs to the caller alone, and copying a large pg_dump's trees costs more than parsing.
 * Negative locations mean "unknown" in libpg-query and are kept as they are.
 */
export function relocateInPlace<T>(tree: T, toIndex: (byteOffset: number) => number): T {
  visit(tree, toIndex);
  return tree;
}

function visit(value: unknown, toIndex: (byteOffset: number) => number): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, toIndex);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    if (typeof child === 'number') {
      if (child >= 0 && LOCATION_FIELDS.has(key)) record[key] = toIndex(child);
    } else if (typeof child === 'object') visit(child, toIndex);
  }
}

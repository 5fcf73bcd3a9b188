/**
 * Removes properties that are null or undefined, so an absent optional field is absent however a
 * driver or a plan spells it (exactOptionalPropertyTypes holds), and equal values serialise and
 * compare the same on every engine.
 */
export function withoutAbsent<T extends object>(value: { [K in keyof T]: T[K] | null | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** withoutAbsent when the result's type is the input's with every field made optional. */
export function definedFields<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return withoutAbsent(object) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}

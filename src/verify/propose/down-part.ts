/** Statements of a generated down step, and what it cannot undo (said in words). */
export interface DownPart {
  readonly statements: readonly string[];
  readonly irreversible: readonly string[];
}

export function part(statements: readonly string[], irreversible: readonly string[] = []): DownPart {
  return { statements, irreversible };
}

export function joinParts(parts: readonly DownPart[]): DownPart {
  return {
    statements: parts.flatMap((p) => p.statements),
    irreversible: parts.flatMap((p) => p.irreversible),
  };
}

/** Same object, compared on what the snapshot diff compares (volatile facts left out). */
export function sameShape(a: object, b: object): boolean {
  return stable(a) === stable(b);
}

const VOLATILE = new Set(['oid', 'sizeBytes', 'estimatedRows', 'lastValue', 'attnum']);

function stable(value: object): string {
  return JSON.stringify(value, (key, v) => (VOLATILE.has(key) ? undefined : v));
}

import { type LockMode, lockStrength } from '../observe/lock-modes.js';
import type { LockTaken } from '../observe/observation.js';

/** The strongest mode per relation, in the order relations first appear: a stronger lock allows what the weaker ones do. */
export function strongestPerRelation(locks: readonly LockTaken[]): Map<string, LockMode> {
  const modes = new Map<string, LockMode>();
  for (const { relation, mode } of locks) {
    const before = modes.get(relation);
    if (!before || lockStrength(mode) > lockStrength(before)) modes.set(relation, mode);
  }
  return modes;
}

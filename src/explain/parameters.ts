import type { Node } from '@pgsql/types';
import { collect } from '../sql/walk.js';

/** The highest $n a statement uses (0 without parameters): how many values a generic plan binds. */
export function parameterCount(node: Node): number {
  return collect(node, 'ParamRef').reduce((max, ref) => Math.max(max, ref.number ?? 0), 0);
}

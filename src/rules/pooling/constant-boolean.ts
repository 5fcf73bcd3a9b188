import type { Node } from '@pgsql/types';

/** A constant boolean argument (`false`, `'off'`, `'f'`), or undefined when it is not a constant. */
export function constantBoolean(node: Node | undefined): boolean | undefined {
  const constant = node && 'A_Const' in node ? node.A_Const : undefined;
  if (!constant) return undefined;
  if (constant.boolval !== undefined) return constant.boolval.boolval === true;
  const text = constant.sval?.sval?.toLowerCase();
  if (text === undefined) return undefined;
  if (['t', 'true', 'on', 'yes', '1'].includes(text)) return true;
  if (['f', 'false', 'off', 'no', '0'].includes(text)) return false;
  return undefined;
}

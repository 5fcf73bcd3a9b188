import type { FuncCall, Node } from '@pgsql/types';
import { collect } from '../../sql/walk.js';

/** The unqualified name of a called function (`pg_catalog.set_config` is `set_config`). */
export function functionName(call: FuncCall): string {
  const last = call.funcname?.at(-1) as { String?: { sval?: string } } | undefined;
  return (last?.String?.sval ?? '').toLowerCase();
}

/** Every call of one of `names` under the root, in document order. */
export function callsNamed(root: unknown, names: ReadonlySet<string>): FuncCall[] {
  return collect(root, 'FuncCall').filter((call) => names.has(functionName(call)));
}

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

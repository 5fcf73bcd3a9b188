import type { FuncCall } from '@pgsql/types';
import { collect } from './walk.js';

/** The unqualified name of a called function (`pg_catalog.set_config` is `set_config`). */
export function functionName(call: FuncCall): string {
  const last = call.funcname?.at(-1) as { String?: { sval?: string } } | undefined;
  return (last?.String?.sval ?? '').toLowerCase();
}

/** Every call of one of `names` under the root, in document order. */
export function callsNamed(root: unknown, names: ReadonlySet<string>): FuncCall[] {
  return collect(root, 'FuncCall').filter((call) => names.has(functionName(call)));
}

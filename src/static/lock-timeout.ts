import type { Node } from '@pgsql/types';

const UNITS: Readonly<Record<string, number>> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** A lock_timeout value as PostgreSQL reads it: a bare number is milliseconds. */
function milliseconds(arg: Node | undefined): number {
  if (!arg || !('A_Const' in arg)) return 0;
  const { ival, fval, sval } = arg.A_Const;
  if (ival) return ival.ival ?? 0;
  if (fval) return Number(fval.fval ?? 0);
  const match = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(sval?.sval ?? '');
  if (!match) return 0;
  return Number(match[1]) * (match[2] ? (UNITS[match[2].toLowerCase()] ?? 0) : 1);
}

/** SET [LOCAL] lock_timeout, RESET lock_timeout: the new value and whether it lasts only to the transaction's end. */
export function lockTimeoutSet(node: Node): { readonly ms: number; readonly local: boolean } | undefined {
  if (!('VariableSetStmt' in node)) return undefined;
  const { name, kind, args, is_local } = node.VariableSetStmt;
  if (name !== 'lock_timeout' && !(kind === 'VAR_RESET_ALL')) return undefined;
  const ms = kind === 'VAR_SET_VALUE' ? milliseconds(args?.[0]) : 0;
  return { ms, local: is_local === true };
}

import type { ColumnDef, Constraint, Node } from '@pgsql/types';

/** smallserial, serial, bigserial and their aliases: a nextval() default per row. */
const SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);

/** How an added column fills the rows already there, as far as the statement alone tells. */
export type ColumnFill =
  /** No default: NULL, or a constant computed once (PostgreSQL 11+ stores it in the catalog). */
  | { readonly kind: 'none' }
  | { readonly kind: 'constant' }
  /** A value per row: identity, serial, a stored generated column. Always a rewrite. */
  | { readonly kind: 'per-row'; readonly what: string }
  /** A default that calls a function: volatile or not, only pg_proc knows. */
  | { readonly kind: 'function' };

function constraintsOf(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).flatMap((c) => ('Constraint' in c && c.Constraint ? [c.Constraint] : []));
}

/**
 * A constant the statement alone proves: literals, casts of literals, arrays and rows of them,
 * and SQL value functions (CURRENT_TIMESTAMP and the like are stable: evaluated once for the ALTER).
 */
export function isConstant(node: Node | undefined): boolean {
  if (!node) return true;
  if ('A_Const' in node || 'SQLValueFunction' in node) return true;
  if ('TypeCast' in node) return isConstant(node.TypeCast.arg);
  if ('A_ArrayExpr' in node) return (node.A_ArrayExpr.elements ?? []).every(isConstant);
  if ('RowExpr' in node) return (node.RowExpr.args ?? []).every(isConstant);
  if ('A_Expr' in node && node.A_Expr.kind === 'AEXPR_OP')
    return isConstant(node.A_Expr.lexpr) && isConstant(node.A_Expr.rexpr);
  return false;
}

function typeWord(def: ColumnDef): string {
  const last = def.typeName?.names?.at(-1);
  return last && 'String' in last ? (last.String?.sval ?? '').toLowerCase() : '';
}

export function columnFill(def: ColumnDef): ColumnFill {
  const constraints = constraintsOf(def);
  const column = def.colname ?? '';
  if (constraints.some((c) => c.contype === 'CONSTR_IDENTITY'))
    return { kind: 'per-row', what: `the identity column ${column}` };
  if (SERIAL_TYPES.has(typeWord(def)))
    return { kind: 'per-row', what: `the ${typeWord(def)} column ${column}` };
  // Stored is the only kind before PostgreSQL 18; VIRTUAL is computed when read.
  const generated = constraints.find((c) => c.contype === 'CONSTR_GENERATED');
  if (generated && generated.generated_kind !== 'v')
    return { kind: 'per-row', what: `the stored generated column ${column}` };
  const fallback = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
  if (isConstant(fallback)) return { kind: fallback ? 'constant' : 'none' };
  return { kind: 'function' };
}

/** NOT NULL (or PRIMARY KEY) with nothing to fill the rows already there. */
export function isBareNotNull(def: ColumnDef, fill: ColumnFill): boolean {
  const kinds = constraintsOf(def).map((c) => c.contype);
  const notNull = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
  return notNull && fill.kind === 'none' && !kinds.includes('CONSTR_GENERATED');
}

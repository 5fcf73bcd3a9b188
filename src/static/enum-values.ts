import type { Node } from '@pgsql/types';
import type { StatementFailure } from '../observe/observation.js';
import { findWrapped } from './find-wrapped.js';
import { refusal } from './transaction-refusal.js';

/** SQLSTATE 55P04 unsafe_new_enum_value_usage. */
const UNSAFE_NEW_ENUM_VALUE = '55P04';

/** A value ALTER TYPE ... ADD VALUE added in the open transaction. */
export interface NewEnumValue {
  readonly type: string;
  readonly value: string;
}

export function enumValueAdded(node: Node): NewEnumValue | undefined {
  if (!('AlterEnumStmt' in node) || !node.AlterEnumStmt.newVal || node.AlterEnumStmt.oldVal) return undefined;
  const last = node.AlterEnumStmt.typeName?.at(-1);
  const type = last && 'String' in last ? (last.String.sval ?? '') : '';
  return { type, value: node.AlterEnumStmt.newVal };
}

/**
 * PostgreSQL refuses a new enum value until the transaction that added it commits. Static mode
 * takes a string literal equal to such a value for a use of it (the type of the literal is the
 * catalog's to tell).
 */
export function unsafeEnumUse(
  node: Node,
  added: readonly NewEnumValue[],
): StatementFailure['error'] | undefined {
  if (added.length === 0) return undefined;
  const literals = new Set(
    findWrapped(node, 'A_Const').flatMap((c) => (c.sval?.sval === undefined ? [] : [c.sval.sval])),
  );
  const used = added.find((v) => literals.has(v.value));
  return (
    used &&
    refusal(`unsafe use of new value "${used.value}" of enum type ${used.type}`, UNSAFE_NEW_ENUM_VALUE)
  );
}

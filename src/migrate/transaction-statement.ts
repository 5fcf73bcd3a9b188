import type { Node } from '@pgsql/types';
import { parseOnlyStatement } from '../sql/parser.js';
import type { Statement } from '../sql/statement.js';

function effectOf(node: Node): 'begin' | 'end' | undefined {
  if (!('TransactionStmt' in node)) return undefined;
  const { kind, chain } = node.TransactionStmt;
  if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return 'begin';
  // COMMIT AND CHAIN starts the next transaction at once: the block goes on.
  if ((kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') && !chain) return 'end';
  if (kind === 'TRANS_STMT_PREPARE') return 'end';
  return undefined;
}

/** Whether a statement opens or closes a transaction block (the file's own BEGIN / COMMIT / ROLLBACK). */
export function transactionEffect(statement: Statement): 'begin' | 'end' | undefined {
  return effectOf(statement.node);
}

const MAY_BE_TRANSACTION = /^\s*(?:begin|start|commit|end|rollback|abort|prepare)\b/i;

/** The same for a statement's text: what a run sends the engine, its own BEGIN included. */
export function transactionEffectOfSql(sql: string): 'begin' | 'end' | undefined {
  if (!MAY_BE_TRANSACTION.test(sql)) return undefined;
  const only = parseOnlyStatement(sql);
  return only ? effectOf(only) : undefined;
}

import type { Statement } from '../sql/statement.js';

/** Whether a statement opens or closes a transaction block (the file's own BEGIN / COMMIT / ROLLBACK). */
export function transactionEffect(statement: Statement): 'begin' | 'end' | undefined {
  if (!('TransactionStmt' in statement.node)) return undefined;
  const kind = statement.node.TransactionStmt.kind;
  if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return 'begin';
  if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') return 'end';
  return undefined;
}

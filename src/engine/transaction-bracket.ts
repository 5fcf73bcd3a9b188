/** The statements that open, keep and undo one transaction level: BEGIN at the top, savepoints below. */
export interface TransactionBracket {
  readonly begin: string;
  readonly commit: string;
  readonly rollback: string;
}

/** depth 0 is the session itself; every deeper level is a savepoint named after its depth. */
export function transactionBracket(depth: number): TransactionBracket {
  if (depth === 0) return { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' };
  const name = `pgvigil_sp_${depth}`;
  return {
    begin: `SAVEPOINT ${name}`,
    commit: `RELEASE SAVEPOINT ${name}`,
    rollback: `ROLLBACK TO SAVEPOINT ${name}`,
  };
}

/**
 * Runs fn between begin and commit (or rollback when alwaysRollback). When fn throws, the level is rolled back
 * and fn's error is rethrown: a failing rollback (e.g. a dead connection) must not hide the cause.
 */
export async function runBracketed<T>(
  exec: (sql: string) => Promise<unknown>,
  bracket: TransactionBracket,
  fn: () => Promise<T>,
  alwaysRollback: boolean,
): Promise<T> {
  await exec(bracket.begin);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await exec(bracket.rollback).catch(() => undefined);
    throw error;
  }
  await exec(alwaysRollback ? bracket.rollback : bracket.commit);
  return result;
}

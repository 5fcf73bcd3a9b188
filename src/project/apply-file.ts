import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { runStatement } from '../engine/run-statement.js';
import type { OriginTracker } from './origins.js';
import type { SqlFile } from './sql-file.js';
import { statementFailed } from './statement-error.js';

/** SQLSTATE 25P02: the file's own BEGIN is open and an earlier statement failed. */
const IN_FAILED_TRANSACTION = '25P02';

async function leaveFailedTransaction(engine: Engine): Promise<void> {
  try {
    await engine.query('SELECT 1');
  } catch (error) {
    if ((error as { code?: string }).code === IN_FAILED_TRANSACTION) await engine.exec('ROLLBACK');
  }
}

/**
 * Runs a file (already read and split) statement by statement, as psql would with ON_ERROR_STOP
 * off: a statement Postgres rejects becomes a diagnostic and the rest still runs. Each statement's new objects are recorded
 * so findings can point at the statement that created them. Session settings the file changed
 * (pg_dump sets search_path to '') are reset afterwards, as a new psql session would start.
 */
export async function applyFile(
  engine: Engine,
  read: SqlFile,
  origins: OriginTracker,
  context: string,
): Promise<SqlFile> {
  const { split, file } = read;
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  for (const statement of split.statements) {
    try {
      await runStatement(engine, statement);
      await origins.record({ file, statementIndex: statement.index });
    } catch (error) {
      diagnostics.push(statementFailed(split.source, file, statement, error, context));
      await leaveFailedTransaction(engine);
    }
  }
  await engine.resetSession();
  return { ...read, diagnostics };
}

import { SYNTAX_ERROR } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { runStatement } from '../engine/run-statement.js';
import { transactionEffect } from '../migrate/transaction-statement.js';
import { type SqlFile, sqlFileFrom } from '../project/sql-file.js';
import { statementFailed } from '../project/statement-error.js';
import type { MigrationStep } from '../sources/migrations/migration.js';

const SAVEPOINT = 'pgvigil_verify_step';

/**
 * Runs a step inside the caller's open transaction, as a tool that wraps the step in a
 * transaction runs it: up to the first refused statement, which undoes the whole step (a savepoint
 * here). The file's own BEGIN/COMMIT change nothing inside the tool's transaction and are skipped.
 */
export async function runAtomically(tx: Engine, step: MigrationStep, context: string): Promise<SqlFile> {
  const read = sqlFileFrom(step.file, step.sql);
  const unparsed = read.diagnostics.filter((d) => d.rule === SYNTAX_ERROR.id);
  if (unparsed.length > 0) return { ...read, diagnostics: unparsed };
  await tx.exec(`SAVEPOINT ${SAVEPOINT}`);
  for (const statement of read.split.statements) {
    if (transactionEffect(statement) !== undefined) continue;
    try {
      await runStatement(tx, statement);
    } catch (error) {
      await tx.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      const refused: Diagnostic = statementFailed(read.split.source, read.file, statement, error, context);
      return { ...read, diagnostics: [refused] };
    }
  }
  await tx.exec(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  return { ...read, diagnostics: [] };
}

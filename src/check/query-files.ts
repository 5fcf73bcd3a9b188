import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { readSqlFile, type SqlFile } from '../project/sql-file.js';
import { statementFailed } from '../project/statement-error.js';

const EXPLAINABLE: ReadonlySet<string> = new Set([
  'SelectStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
]);

export async function sqlFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Plans every query against the loaded schema without running it, so a query that names a
 * missing table or column is caught here rather than in production. `$1` parameters are planned
 * generically (EXPLAIN GENERIC_PLAN, PostgreSQL 16+).
 */
export async function checkQueryFile(engine: Engine, file: string): Promise<SqlFile> {
  const read = await readSqlFile(file);
  const { split } = read;
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const explain = engine.serverVersion >= 160000 ? 'EXPLAIN (GENERIC_PLAN) ' : 'EXPLAIN ';
  for (const statement of split.statements) {
    if (!EXPLAINABLE.has(statement.kind)) continue;
    try {
      await engine.transaction((tx) => tx.exec(explain + statement.text), { rollback: true });
    } catch (error) {
      const context = 'This query does not plan against the schema.';
      diagnostics.push(statementFailed(split.source, file, statement, error, context, explain.length));
    }
  }
  return { ...read, diagnostics };
}

import { stat } from 'node:fs/promises';
import type { Table } from '../catalog/model.js';
import { sqlFilesIn } from '../check/query-files.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { readSqlFile } from '../project/sql-file.js';
import { statementFailed } from '../project/statement-error.js';
import { isStdin } from '../util/stdin.js';
import { AdviseError } from './advise-error.js';
import type { WorkloadQuery } from './workload.js';
import { PLANNABLE, planProblem, workloadQuery } from './workload-query.js';

export interface ReadWorkload {
  readonly queries: readonly WorkloadQuery[];
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

async function filesOf(input: string): Promise<string[]> {
  if (isStdin(input)) return [input];
  const info = await stat(input).catch(() => undefined);
  if (!info)
    throw new AdviseError(`${input}: no such file or directory; give a queries folder or a .sql file.`);
  const files = info.isDirectory() ? await sqlFilesIn(input) : [input];
  if (files.length === 0)
    throw new AdviseError(`${input}: no .sql file in it; give the folder of your queries.`);
  return files;
}

/**
 * The queries of a folder or file, each weighing 1. A query that does not plan against the schema
 * becomes a statement-failed finding and stays out of the workload: nothing can be advised for it.
 */
export async function readWorkload(
  engine: Engine,
  input: string,
  tables: readonly Table[],
): Promise<ReadWorkload> {
  const queries: WorkloadQuery[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of await filesOf(input)) {
    const read = await readSqlFile(file);
    sources.set(file, read.text);
    diagnostics.push(...read.diagnostics);
    for (const statement of read.split.statements) {
      if (!PLANNABLE.has(statement.kind)) continue;
      const problem = await planProblem(engine, statement);
      if (problem !== undefined) {
        const context = 'This query does not plan against the schema, so no index can be judged for it.';
        diagnostics.push(statementFailed(read.split.source, file, statement, problem, context));
        continue;
      }
      const origin = { label: `${file}:${statement.span.line}`, file, weight: 1 };
      queries.push(workloadQuery(queries.length, statement, tables, origin));
    }
  }
  return { queries, diagnostics, sources };
}

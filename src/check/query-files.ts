import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../engine/session-settings.js';
import { EXPLAINABLE } from '../explain/explainable.js';
import { parameterCount } from '../explain/parameters.js';
import { planStatement } from '../explain/plan-statement.js';
import type { TableSizes } from '../migrate/table-sizes.js';
import { readSqlFile, type SqlFile } from '../project/sql-file.js';
import { statementFailed } from '../project/statement-error.js';
import type { ReportPlan } from '../reporters/report.js';
import { planRules } from '../rules/registry.js';
import { runPlanRules } from '../rules/run-plan-rules.js';
import { entryKind } from '../sources/entry-kind.js';
import type { Statement } from '../sql/statement.js';

export async function sqlFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const sql = entries.filter((entry) => entry.name.endsWith('.sql'));
  // A linked file is read like a file; readdir does not follow linked directories (they may lead back up).
  const kinds = await Promise.all(sql.map(entryKind));
  return sql
    .filter((_, index) => kinds[index] === 'file')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export interface QueryPlanOptions {
  readonly settings: ReadonlyMap<string, RuleSettings>;
  readonly tableSizes?: TableSizes;
}

/** check never runs a query: the plan rules judge its estimated plan (those that need measurements say nothing). */
async function planFindings(engine: Engine, file: string, statement: Statement, options: QueryPlanOptions) {
  const planned = await planStatement(
    engine,
    { text: statement.text, kind: statement.kind, parameters: parameterCount(statement.node) },
    { timeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS, writesAllowed: false, analyze: false },
  );
  const inputs = {
    query: statement.text,
    withoutSeqScan: planned.withoutSeqScan,
    ...(options.tableSizes && { tableSizes: options.tableSizes }),
  };
  const findings = runPlanRules(planRules, options.settings, planned.plan, inputs, {
    ...statement.span,
    file,
  });
  const plan: ReportPlan = { label: `${file}:${statement.span.line}`, mode: 'estimated', plan: planned.plan };
  return { findings, plan };
}

/** A query file after check: its findings, and the estimated plan of each query for the HTML report. */
export interface CheckedQueryFile extends SqlFile {
  readonly plans: readonly ReportPlan[];
}

/**
 * Plans every query against the loaded schema without running it, so a query that names a
 * missing table or column is caught here rather than in production, and judges the estimated
 * plan with the plan rules. `$1` parameters are planned generically (EXPLAIN GENERIC_PLAN,
 * PostgreSQL 16+).
 */
export async function checkQueryFile(
  engine: Engine,
  file: string,
  options?: QueryPlanOptions,
): Promise<CheckedQueryFile> {
  const read = await readSqlFile(file);
  const plans: ReportPlan[] = [];
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
      continue;
    }
    if (!options) continue;
    const planned = await planFindings(engine, file, statement, options);
    diagnostics.push(...planned.findings);
    plans.push(planned.plan);
  }
  return { ...read, diagnostics, plans };
}

import type { SiteOptions } from '../advisor/trial-site.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../plan/model.js';
import { parsePlan } from '../plan/parse-plan.js';
import { PlanFormatError } from '../plan/plan-error.js';
import { sqlFileFrom } from '../project/sql-file.js';
import { planRules } from '../rules/registry.js';
import { runPlanRules } from '../rules/run-plan-rules.js';
import { initSql } from '../sql/parser.js';
import type { Statement } from '../sql/statement.js';
import { adviseExplained } from './explain-advice.js';
import {
  type ExplainEngine,
  type ExplainEngineOptions,
  loadProblems,
  openExplainEngine,
} from './explain-engine.js';
import { ExplainError } from './explain-error.js';
import { type ExplainInput, readExplainInput } from './explain-input.js';
import { EXPLAINABLE } from './explainable.js';
import { parameterCount } from './parameters.js';
import { type PlanMode, planStatement } from './plan-statement.js';

export interface ExplainOptions extends ExplainEngineOptions, SiteOptions {
  /** A SQL file, a plan file (JSON or text), or the query or plan itself. */
  readonly input: string;
  readonly settings: ReadonlyMap<string, RuleSettings>;
}

export interface ExplainedPlan {
  /** file:line of the statement, the plan file, or undefined for a query given inline. */
  readonly label?: string;
  readonly plan: Plan;
  /** 'file': read from a plan file, as EXPLAIN printed it. */
  readonly mode: PlanMode | 'file';
}

export interface ExplainResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly explained: readonly ExplainedPlan[];
  readonly notes: readonly string[];
}

function explainPlanFile(input: ExplainInput, settings: ExplainOptions['settings']): ExplainResult {
  let plan: Plan;
  try {
    plan = parsePlan(input.text);
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    const where = `${input.file ?? 'the plan'}${error.line ? `:${error.line}` : ''}`;
    throw new ExplainError(`${where}: ${error.message}`);
  }
  const place = input.file === undefined ? undefined : { file: input.file };
  return {
    diagnostics: runPlanRules(planRules, settings, plan, {}, place),
    sources: new Map(input.file === undefined ? [] : [[input.file, input.text]]),
    explained: [{ ...(input.file !== undefined && { label: input.file }), plan, mode: 'file' }],
    notes: plan.analyzed
      ? []
      : ['The plan has no actual figures (EXPLAIN without ANALYZE): only estimates can be judged.'],
  };
}

/** The statements to explain; anything else in the input is a one-line error naming its line. */
function statementsOf(input: ExplainInput): { statements: readonly Statement[]; where: string } {
  const where = input.file ?? 'the query';
  const split = sqlFileFrom(input.file ?? 'query', input.text).split;
  const broken = split.diagnostics.find((d) => d.severity === 'error');
  if (broken)
    throw new ExplainError(
      `${where}${input.file ? `:${broken.line}` : ''}: neither a plan EXPLAIN printed nor SQL that parses: ${broken.message}`,
    );
  if (split.statements.length === 0) throw new ExplainError(`${where}: no statement to explain.`);
  const other = split.statements.find((s) => !EXPLAINABLE.has(s.kind));
  if (other)
    throw new ExplainError(
      `${where}${input.file ? `:${other.span.line}` : ''}: explain plans SELECT, INSERT, UPDATE, DELETE and MERGE, not ${other.kind.replace(/Stmt$/, '')}; put schema statements in a --schema file.`,
    );
  return { statements: split.statements, where };
}

function failure(where: string, statement: Statement, isFile: boolean, error: unknown): ExplainError {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /statement timeout/.test(message)
    ? ' (raise --timeout, or explain it without running: add a $1 parameter)'
    : /permission denied/.test(message)
      ? ' (the --db role needs SELECT on what the query reads: GRANT SELECT, or pg_read_all_data)'
      : '';
  return new ExplainError(
    `${where}${isFile ? `:${statement.span.line}` : ''}: PostgreSQL rejected the query: ${message}${hint}`,
  );
}

async function explainStatements(
  input: ExplainInput,
  statements: readonly Statement[],
  where: string,
  target: ExplainEngine,
  settings: ExplainOptions['settings'],
  timeoutMs: number,
) {
  const diagnostics: Diagnostic[] = [];
  const explained: ExplainedPlan[] = [];
  for (const statement of statements) {
    const planned = await planStatement(
      target.engine,
      { text: statement.text, kind: statement.kind, parameters: parameterCount(statement.node) },
      { timeoutMs, writesAllowed: target.writesAllowed, analyze: !target.estimatesOnly },
    ).catch((error: unknown) => {
      throw failure(where, statement, input.file !== undefined, error);
    });
    const inputs = {
      query: statement.text,
      withoutSeqScan: planned.withoutSeqScan,
      ...(target.tableSizes && { tableSizes: target.tableSizes }),
    };
    diagnostics.push(
      ...runPlanRules(planRules, settings, planned.plan, inputs, input.file ? statement.span : undefined),
    );
    const label = input.file ? `${input.file}:${statement.span.line}` : undefined;
    explained.push({ ...(label !== undefined && { label }), plan: planned.plan, mode: planned.mode });
  }
  return { diagnostics, explained };
}

/** `pgvigil explain`: plans (or reads) the input's plans and judges them with every plan rule. */
export async function runExplain(options: ExplainOptions): Promise<ExplainResult> {
  await initSql();
  const input = await readExplainInput(options.input);
  if (input.kind === 'plan') return explainPlanFile(input, options.settings);
  const { statements, where } = statementsOf(input);
  const target = await openExplainEngine(options);
  try {
    const { diagnostics, explained } = await explainStatements(
      input,
      statements,
      where,
      target,
      options.settings,
      options.timeoutMs,
    );
    const advice = await adviseExplained(
      target.engine,
      statements.map((statement) => ({
        statement,
        ...(input.file !== undefined
          ? { label: `${input.file}:${statement.span.line}`, file: input.file }
          : { label: 'the query' }),
      })),
      options.settings,
      options,
    );
    const loaded = target.loaded.map((file) => [file.file, file.text] as const);
    return {
      diagnostics: [...loadProblems(target), ...diagnostics, ...advice.diagnostics],
      sources: new Map([...loaded, ...(input.file ? [[input.file, input.text] as const] : [])]),
      explained,
      notes: [...target.notes, ...advice.notes],
    };
  } finally {
    await target.engine.close();
  }
}

import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import type { StatementObservation } from '../observe/observation.js';
import { observeStatement } from '../observe/observe-statement.js';
import { readRelationState } from '../observe/relation-state.js';
import type { OriginTracker } from '../project/origins.js';
import { type SqlFile, sqlFileFrom } from '../project/sql-file.js';
import { statementFailed } from '../project/statement-error.js';
import type { FallbackRule } from '../rules/migration-fallback.js';
import type { MigrationRule } from '../rules/migration-rule.js';
import type { Finding } from '../rules/schema-rule.js';
import type { Migration } from '../sources/migrations/migration.js';
import type { Statement } from '../sql/statement.js';
import { lockTimeline } from '../trace/lock-timeline.js';
import type { TraceStep } from '../trace/trace-step.js';
import { traceStepDiagnostics } from '../trace/trace-steps.js';
import { locksWhileRunning } from '../trace/while-running.js';
import { judgedVersionRefusal } from './judged-version-refusal.js';
import { demoteForSmallTables } from './small-tables.js';
import { stampFindings } from './stamp-findings.js';
import type { SyntheticRows } from './synthetic-fill.js';
import type { TableSizes } from './table-sizes.js';
import { transactionEffect } from './transaction-statement.js';

export interface MigrationEnvironment {
  readonly engine: Engine;
  readonly rows: SyntheticRows;
  readonly origins: OriginTracker;
  readonly rules: readonly MigrationRule[];
  /** Run after the rules, with their findings: what was observed and no rule reported. None when absent. */
  readonly fallbacks?: readonly FallbackRule[];
  readonly settings: ReadonlyMap<string, RuleSettings>;
  /** A live database's table sizes: tables it calls small are not assumed large and busy. */
  readonly sizes?: TableSizes;
  /** The version the rules judge for (--pg-version); the engine's own when undefined. */
  readonly serverVersion?: number;
}

const FAILED_CONTEXT = 'The statements after it ran without its effect, so later findings may be off.';
/** SQLSTATE class 23: a constraint refused the rows, and the rows in old tables are pgvigil's synthetic ones. */
const DATA_CONTEXT = `${FAILED_CONTEXT} Tables that existed before this migration hold a few synthetic rows (as production holds real ones), and PostgreSQL refused what the statement did to them: check whether your data can hold such rows.`;
const SAVEPOINT = 'pgvigil_statement';

async function lockTimeoutMs(engine: Engine): Promise<number> {
  const { rows } = await engine.query<{ ms: number }>(
    `SELECT setting::float8 AS ms FROM pg_catalog.pg_settings WHERE name = 'lock_timeout'`,
  );
  return Number(rows[0]?.ms ?? 0);
}

/**
 * Runs one migration's up step the way its tool would (in one transaction or not, the file's own
 * BEGIN/COMMIT honoured), statement by statement, observing what PostgreSQL does with each, and
 * judges each statement with the migration rules. Inside a transaction each statement runs under
 * a savepoint, so one refused statement does not hide what the rest would do.
 */
export async function applyMigration(env: MigrationEnvironment, migration: Migration): Promise<SqlFile> {
  const { engine } = env;
  const read = sqlFileFrom(migration.up.file, migration.up.sql);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const state = await readRelationState(engine);
  await env.rows.fillNewTables(engine, state);
  const existedBefore = new Set([...state.relations.values()].map((relation) => relation.name));
  // The tool's session has the role's and database's lock_timeout, not the one pgvigil sets for itself on a server.
  await engine.exec('SET lock_timeout TO DEFAULT');
  let inTransaction = migration.inTransaction;
  let transaction = inTransaction ? 1 : 0;
  const steps: TraceStep[] = [];
  const ends = new Map<number, number | 'end of migration'>();
  if (inTransaction) await engine.exec('BEGIN');
  for (const statement of read.split.statements) {
    const effect = transactionEffect(statement);
    if (effect !== undefined) {
      // The file's own BEGIN inside the tool's transaction is only a warning in PostgreSQL; COMMIT ends it.
      await engine.exec(statement.text).catch(() => undefined);
      if (effect === 'end' && inTransaction) ends.set(transaction, statement.span.line);
      if (effect === 'begin' && !inTransaction) transaction++;
      inTransaction = effect === 'begin';
      continue;
    }
    // Read before it runs: a bare statement's locks are gone once it is done, and what it drops with them.
    const whileRunning = inTransaction ? undefined : await locksWhileRunning(engine, statement);
    const judged = await judgeStatement(env, migration, read, statement, inTransaction, existedBefore);
    diagnostics.push(...judged.diagnostics);
    if (judged.observation)
      steps.push({
        statement,
        observation: judged.observation,
        ...(inTransaction && { transaction }),
        ...(whileRunning && judged.observation.ranAs === 'autocommit' && { whileRunning }),
      });
  }
  if (inTransaction) await engine.exec('COMMIT');
  await engine.resetSession();
  diagnostics.push(
    ...lockTimeline(env.settings, steps, existedBefore, ends),
    ...traceStepDiagnostics(env.settings, steps),
  );
  return { ...read, diagnostics };
}

async function judgeStatement(
  env: MigrationEnvironment,
  migration: Migration,
  read: SqlFile,
  statement: Statement,
  inTransaction: boolean,
  existedBefore: ReadonlySet<string>,
): Promise<{ readonly diagnostics: Diagnostic[]; readonly observation?: StatementObservation }> {
  const { engine } = env;
  const serverVersion = env.serverVersion ?? engine.serverVersion;
  const base = { statement, migration, inTransaction, serverVersion };
  const timeout = await lockTimeoutMs(engine);
  if (inTransaction) await engine.exec(`SAVEPOINT ${SAVEPOINT}`);
  // What the version judged for would refuse is not run: the migration goes on as it would there.
  const refused = await judgedVersionRefusal(engine, statement, serverVersion);
  const outcome = refused
    ? { ok: false as const, error: refused }
    : await observeStatement(engine, statement, { inTransaction });
  if (!outcome.ok) {
    if (inTransaction) await engine.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    const claimed = env.rules.flatMap((rule) =>
      stampFindings(
        rule,
        env.settings,
        statement,
        rule.checkFailure?.({ ...base, failure: outcome.error, existedBefore }) ?? [],
      ),
    );
    const failed = statementFailed(
      read.split.source,
      read.file,
      statement,
      outcome.error.cause,
      outcome.error.sqlstate?.startsWith('23') ? DATA_CONTEXT : FAILED_CONTEXT,
    );
    return { diagnostics: claimed.length > 0 ? claimed : [failed] };
  }
  if (inTransaction) await engine.exec(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  await env.origins.record({ file: read.file, statementIndex: statement.index });
  const ctx = { ...base, observation: outcome, existedBefore, lockTimeoutMs: timeout };
  const judge = (rule: MigrationRule | FallbackRule, findings: readonly Finding[]) =>
    stampFindings(rule, env.settings, statement, findings).map((diagnostic) =>
      demoteForSmallTables(diagnostic, rule.meta, env.sizes),
    );
  const reported = env.rules.flatMap((rule) => judge(rule, rule.check?.(ctx) ?? []));
  // In order, each seeing the ones before: one fallback finding per table, the gravest first.
  for (const rule of env.fallbacks ?? []) reported.push(...judge(rule, rule.check(ctx, reported)));
  return { diagnostics: reported, observation: outcome };
}

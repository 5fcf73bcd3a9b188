import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { stampFindings } from '../migrate/stamp-findings.js';
import { transactionEffect } from '../migrate/transaction-statement.js';
import type { StatementObservation } from '../observe/observation.js';
import { type SqlFile, sqlFileFrom } from '../project/sql-file.js';
import { statementFailed } from '../project/statement-error.js';
import type { MigrationRule } from '../rules/migration-rule.js';
import type { Migration } from '../sources/migrations/migration.js';
import type { Statement } from '../sql/statement.js';
import { enumValueAdded, unsafeEnumUse } from './enum-values.js';
import { lockTimeoutSet } from './lock-timeout.js';
import { markStatic } from './mark-static.js';
import { predictStatement } from './predict-statement.js';
import type { Prediction } from './prediction.js';
import { applyEffects, type StaticCatalog } from './static-catalog.js';
import {
  heldAfter,
  newLocks,
  perTable,
  type StaticSession,
  startSession,
  timeoutIn,
  transactionChanged,
  withTimeout,
} from './static-session.js';

export interface StaticEnvironment {
  readonly rules: readonly MigrationRule[];
  readonly settings: ReadonlyMap<string, RuleSettings>;
  readonly serverVersion: number;
}

const REFUSED_CONTEXT =
  'Static mode predicts PostgreSQL refuses it; the statements after it were judged without its effect.';

/**
 * Everything the statement names or the transaction holds, but what this migration created (the
 * statement itself included): that existed before it, assumed large and busy.
 */
function existedBefore(
  prediction: Prediction,
  createdHere: ReadonlySet<string>,
  session: StaticSession,
): Set<string> {
  const { effects } = prediction;
  const named = [
    ...session.held,
    ...prediction.locks,
    ...prediction.rewritten,
    ...prediction.dropped,
    ...prediction.activity,
  ].map((r) => r.relation);
  const fresh = new Set([
    ...createdHere,
    ...effects.created.map((c) => c.relation),
    ...(effects.renamed ? [effects.renamed.to] : []),
  ]);
  const renamed = effects.renamed?.from;
  return new Set([...named, ...(renamed ? [renamed] : [])].filter((r) => !fresh.has(r)));
}

function observation(session: StaticSession, prediction: Prediction): StatementObservation {
  const created = prediction.effects.created.map(({ relation, kind }) => ({ relation, kind }));
  const base = { ok: true as const, rewritten: prediction.rewritten, created, dropped: prediction.dropped };
  if (prediction.autocommit)
    return {
      ...base,
      ranAs: 'autocommit',
      locks: 'not observable',
      held: 'not observable',
      activity: 'not observable',
      holdsXid: false,
      durationMs: 0,
    };
  const locks = newLocks(session, prediction.locks);
  return {
    ...base,
    ranAs: session.inTransaction ? 'in-transaction' : 'own-transaction',
    locks,
    held: heldAfter(session, locks),
    activity: perTable(prediction.activity),
    holdsXid: true,
    durationMs: 0,
  };
}

interface Walk {
  readonly catalog: StaticCatalog;
  readonly session: StaticSession;
  readonly createdHere: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

function judge(
  env: StaticEnvironment,
  migration: Migration,
  read: SqlFile,
  walk: Walk,
  statement: Statement,
): Walk {
  const { session, createdHere } = walk;
  const input = { catalog: walk.catalog, serverVersion: env.serverVersion, createdHere };
  const predicted = predictStatement(input, statement, session.inTransaction);
  const unsafe = session.inTransaction ? unsafeEnumUse(statement.node, session.newEnumValues) : undefined;
  const prediction = unsafe ? { ...predicted, refusal: unsafe } : predicted;
  const base = {
    statement,
    migration,
    inTransaction: session.inTransaction,
    serverVersion: env.serverVersion,
  };
  const existed = existedBefore(prediction, createdHere, session);
  const stamp = (rule: MigrationRule, findings: Parameters<typeof stampFindings>[3]) =>
    stampFindings(rule, env.settings, statement, findings).map((d) => markStatic(d, prediction.assumptions));
  if (prediction.refusal) {
    const failure = prediction.refusal;
    const claimed = env.rules.flatMap((rule) =>
      stamp(rule, rule.checkFailure?.({ ...base, failure, existedBefore: existed }) ?? []),
    );
    const found =
      claimed.length > 0
        ? claimed
        : [
            markStatic(
              statementFailed(read.split.source, read.file, statement, failure.cause, REFUSED_CONTEXT),
              prediction.assumptions,
            ),
          ];
    return { ...walk, diagnostics: [...walk.diagnostics, ...found] };
  }
  const observed = observation(session, prediction);
  const ctx = { ...base, observation: observed, existedBefore: existed, lockTimeoutMs: timeoutIn(session) };
  const found = env.rules.flatMap((rule) => stamp(rule, rule.check?.(ctx) ?? []));
  const { effects } = prediction;
  const timeout = lockTimeoutSet(statement.node);
  const added = enumValueAdded(statement.node);
  const held = observed.held === 'not observable' || !session.inTransaction ? [] : observed.held;
  return {
    catalog: applyEffects(walk.catalog, effects),
    session: {
      ...(timeout ? withTimeout(session, timeout) : session),
      held,
      newEnumValues: [...session.newEnumValues, ...(added && session.inTransaction ? [added] : [])],
    },
    createdHere: new Set([
      ...createdHere,
      ...effects.created.map((c) => c.relation),
      ...(effects.renamed ? [effects.renamed.to] : []),
    ]),
    diagnostics: [...walk.diagnostics, ...found],
  };
}

/**
 * One migration's up step judged without an engine, statement by statement, the way
 * applyMigration judges it with one: the same rules, fed predicted observations.
 */
export function lintMigration(
  env: StaticEnvironment,
  catalog: StaticCatalog,
  migration: Migration,
): { readonly file: SqlFile; readonly catalog: StaticCatalog } {
  const read = sqlFileFrom(migration.up.file, migration.up.sql);
  let walk: Walk = {
    catalog,
    session: startSession(migration.inTransaction),
    createdHere: new Set(),
    diagnostics: read.diagnostics,
  };
  for (const statement of read.split.statements) {
    const effect = transactionEffect(statement);
    walk =
      effect === undefined
        ? judge(env, migration, read, walk, statement)
        : { ...walk, session: transactionChanged(walk.session, effect === 'begin') };
  }
  return { file: { ...read, diagnostics: walk.diagnostics }, catalog: walk.catalog };
}

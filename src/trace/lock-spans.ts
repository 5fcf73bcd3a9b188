import { type LockMode, lockStrength } from '../observe/lock-modes.js';
import { onTablesIn, trafficBlockingLocks } from '../rules/migration/pre-existing.js';
import { strongestPerRelation } from './strongest-locks.js';
import { statementOnlyLocks, type TraceStep, type TransactionEnds } from './trace-step.js';

/** A lock on a pre-existing table, from the statement that took it to its transaction's end (or its own). */
export interface LockSpan {
  readonly table: string;
  readonly mode: LockMode;
  /** Line of the statement that took it. */
  readonly fromLine: number;
  /**
   * Line of the COMMIT that released it, the end of the migration (the tool commits), or the end of
   * the statement itself, for a statement that ran outside the migration's transactions.
   */
  readonly until: number | 'end of migration' | 'end of statement';
  /** Lines of the statements that ran while it was held, the one that took it first. */
  readonly lines: readonly number[];
  /** Known from the statement's kind, not read from pg_locks: it ran bare (CONCURRENTLY, VACUUM, ...). */
  readonly fromStatementKind?: true;
}

/**
 * The weakest lock a statement on its own is shown holding: SHARE UPDATE EXCLUSIVE, which lets
 * reads and writes go on but stops other schema changes and VACUUM (CREATE INDEX CONCURRENTLY's).
 */
const STATEMENT_ONLY_FLOOR = lockStrength('ShareUpdateExclusiveLock');

/** Per table and transaction, the first write-blocking lock and each stronger one after it. */
function transactionSpans(
  inIt: readonly TraceStep[],
  existedBefore: ReadonlySet<string>,
  until: LockSpan['until'],
): LockSpan[] {
  const spans: LockSpan[] = [];
  const strongest = new Map<string, LockMode>();
  inIt.forEach((step, index) => {
    for (const lock of trafficBlockingLocks(existedBefore, step.observation.locks)) {
      const before = strongest.get(lock.relation);
      if (before && lockStrength(before) >= lockStrength(lock.mode)) continue;
      strongest.set(lock.relation, lock.mode);
      const lines = inIt.slice(index).map((s) => s.statement.span.line);
      spans.push({ table: lock.relation, mode: lock.mode, fromLine: step.statement.span.line, until, lines });
    }
  });
  return spans;
}

/** A statement outside the migration's transactions holds its locks while it runs, no longer. */
function statementSpans(step: TraceStep, existedBefore: ReadonlySet<string>): LockSpan[] {
  const fromStatementKind = step.observation.held === 'not observable';
  const locks = onTablesIn(existedBefore, statementOnlyLocks(step)).filter(
    (lock) => lockStrength(lock.mode) >= STATEMENT_ONLY_FLOOR,
  );
  const line = step.statement.span.line;
  return [...strongestPerRelation(locks)].map(([table, mode]) => ({
    table,
    mode,
    fromLine: line,
    until: 'end of statement',
    lines: [line],
    ...(fromStatementKind && { fromStatementKind: true }),
  }));
}

/**
 * The spans of the locks the migration held on tables that existed before it. A lock taken in a
 * transaction is held until the transaction ends, so every later statement of the transaction runs
 * while it is held: those spans show the locks that block writes. A statement run on its own holds
 * its locks only while it runs: its spans show SHARE UPDATE EXCLUSIVE and stronger, which is all a
 * CREATE INDEX CONCURRENTLY holds. In the order of the lines that took them.
 */
export function lockSpans(
  steps: readonly TraceStep[],
  existedBefore: ReadonlySet<string>,
  ends: TransactionEnds,
): LockSpan[] {
  const transactions = new Map<number, TraceStep[]>();
  const spans: LockSpan[] = [];
  for (const step of steps) {
    if (step.transaction === undefined) {
      spans.push(...statementSpans(step, existedBefore));
      continue;
    }
    transactions.set(step.transaction, [...(transactions.get(step.transaction) ?? []), step]);
  }
  for (const [transaction, inIt] of transactions)
    spans.push(...transactionSpans(inIt, existedBefore, ends.get(transaction) ?? 'end of migration'));
  return spans.sort((a, b) => a.fromLine - b.fromLine);
}

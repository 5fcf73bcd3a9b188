import { type LockMode, lockStrength } from '../observe/lock-modes.js';
import { trafficBlockingLocks } from '../rules/migration/pre-existing.js';
import type { TraceStep, TransactionEnds } from './trace-step.js';

/** A lock that blocks writes on a pre-existing table, from the statement that took it to its transaction's end. */
export interface LockSpan {
  readonly table: string;
  readonly mode: LockMode;
  /** Line of the statement that took it. */
  readonly fromLine: number;
  /** Line of the COMMIT that released it, or the end of the migration (the tool commits). */
  readonly until: number | 'end of migration';
  /** Lines of the statements that ran while it was held, the one that took it first. */
  readonly lines: readonly number[];
}

/**
 * The spans of every write-blocking lock the migration's transactions held on tables that existed
 * before it: a lock taken in a transaction is held until the transaction ends, so every later
 * statement of the transaction runs while it is held. Per table and transaction, the first lock
 * and each stronger one after it.
 */
export function lockSpans(
  steps: readonly TraceStep[],
  existedBefore: ReadonlySet<string>,
  ends: TransactionEnds,
): LockSpan[] {
  const spans: LockSpan[] = [];
  const transactions = new Map<number, TraceStep[]>();
  for (const step of steps) {
    if (step.transaction === undefined) continue;
    const list = transactions.get(step.transaction) ?? [];
    list.push(step);
    transactions.set(step.transaction, list);
  }
  for (const [transaction, inIt] of transactions) {
    const strongest = new Map<string, LockMode>();
    inIt.forEach((step, index) => {
      for (const lock of trafficBlockingLocks(existedBefore, step.observation.locks)) {
        const before = strongest.get(lock.relation);
        if (before && lockStrength(before) >= lockStrength(lock.mode)) continue;
        strongest.set(lock.relation, lock.mode);
        spans.push({
          table: lock.relation,
          mode: lock.mode,
          fromLine: step.statement.span.line,
          until: ends.get(transaction) ?? 'end of migration',
          lines: inIt.slice(index).map((s) => s.statement.span.line),
        });
      }
    });
  }
  return spans;
}

import type { LockMode } from '../observe/lock-modes.js';
import type { TableCounters } from '../observe/table-activity.js';
import { strongestPerRelation } from './strongest-locks.js';
import { statementOnlyLocks, type TraceStep } from './trace-step.js';

export interface RecordedLock {
  readonly relation: string;
  /** The strongest mode held on the relation. */
  readonly lock: LockMode;
  /** This statement took that mode; otherwise an earlier statement of the transaction did. */
  readonly taken: boolean;
}

export interface RecordedTable extends TableCounters {
  readonly relation: string;
}

/** What one traced statement was seen to do: the data of its trace-step diagnostic. */
export interface StepRecord {
  readonly ranAs: 'in-transaction' | 'own-transaction' | 'autocommit';
  /** Every relation lock held once it ran; with heldUntil 'end of statement', those it held while running. */
  readonly locks: readonly RecordedLock[];
  readonly heldUntil: 'end of transaction' | 'end of statement';
  /** pg_locks, or the statement's kind when it ran bare and pg_locks could not show them. */
  readonly locksFrom: 'pg_locks' | 'statement kind';
  /** Same oid, new file node: the rows were copied. */
  readonly rewritten: readonly string[];
  readonly created: readonly string[];
  readonly dropped: readonly string[];
  /** Indexes created, or rebuilt (a new file node), by the statement. */
  readonly indexesBuilt: readonly string[];
  /** Per-statement deltas of pg_stat_xact_user_tables; absent when it ran bare. */
  readonly tables?: readonly RecordedTable[];
  readonly durationMs: number;
}

const INDEX_KINDS = new Set(['index', 'partitioned-index']);

function recordLocks(step: TraceStep): readonly RecordedLock[] {
  const { observation } = step;
  const outside = step.transaction === undefined;
  const held = outside ? statementOnlyLocks(step) : observation.held;
  const taken = strongestPerRelation(
    outside || observation.locks === 'not observable' ? [] : observation.locks,
  );
  return [...strongestPerRelation(held === 'not observable' ? [] : held)].map(([relation, lock]) => ({
    relation,
    lock,
    taken: outside || taken.get(relation) === lock,
  }));
}

/** The record of one statement, or undefined when it locked, wrote, scanned and built nothing. */
export function stepRecord(step: TraceStep): StepRecord | undefined {
  const { observation } = step;
  const locks = recordLocks(step);
  const names = (refs: readonly { readonly relation: string }[]): string[] => refs.map((r) => r.relation);
  const indexesBuilt = names(
    [...observation.created, ...observation.rewritten].filter((r) => INDEX_KINDS.has(r.kind)),
  ).sort();
  const tables = observation.activity === 'not observable' ? undefined : observation.activity;
  const did =
    locks.some((l) => l.taken) ||
    observation.rewritten.length + observation.created.length + observation.dropped.length > 0 ||
    (tables?.length ?? 0) > 0;
  if (!did) return undefined;
  return {
    ranAs: observation.ranAs,
    locks,
    heldUntil: step.transaction === undefined ? 'end of statement' : 'end of transaction',
    locksFrom: observation.held === 'not observable' ? 'statement kind' : 'pg_locks',
    rewritten: names(observation.rewritten),
    created: names(observation.created),
    dropped: names(observation.dropped),
    indexesBuilt,
    ...(tables && { tables }),
    durationMs: Math.round(observation.durationMs * 10) / 10,
  };
}

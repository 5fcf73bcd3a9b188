import type { RuleMeta } from '../../diagnostics/rule-meta.js';
import type { RecordedLock, RecordedTable, StepRecord } from '../../trace/step-record.js';
import { lockName } from '../migration/observed-table.js';
import type { Finding } from '../schema-rule.js';

export const traceStepMeta: RuleMeta = {
  id: 'trace-step',
  group: 'migration',
  category: 'locking',
  defaultSeverity: 'info',
  summary:
    'What one migration statement was seen to do when it ran: the locks it held, the relations it rewrote, created or dropped, the indexes it built, the tables it scanned and the rows it touched.',
  // The trace: `pgvigil lint --trace` turns it on.
  enabledByDefault: false,
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function lockList(locks: readonly RecordedLock[]): string {
  return locks.map((l) => `${lockName(l.lock)} on ${l.relation}`).join(', ');
}

/** "public.posts: 1 seq scan (3 rows read), 3 updated". */
function tableLine(table: RecordedTable): string {
  const parts = [
    ...(table.seqScans > 0 ? [`${plural(table.seqScans, 'seq scan')} (${table.rowsRead} rows read)`] : []),
    ...(table.inserted > 0 ? [`${table.inserted} inserted`] : []),
    ...(table.updated > 0 ? [`${table.updated} updated`] : []),
    ...(table.deleted > 0 ? [`${table.deleted} deleted`] : []),
  ];
  return `${table.relation}: ${parts.join(', ')}`;
}

/** Locks it took on relations that existed before it: a relation it creates is locked by nobody else. */
function lockPart(record: StepRecord): string[] {
  const created = new Set(record.created);
  const taken = record.locks.filter((l) => l.taken && !created.has(l.relation));
  if (taken.length === 0) return [];
  if (record.heldUntil === 'end of transaction') return [`took ${lockList(taken)}`];
  const from = record.locksFrom === 'statement kind' ? ' (known from its kind)' : '';
  return [`held ${lockList(taken)} only while it ran${from}`];
}

/** The record in one line: "took ACCESS EXCLUSIVE on public.posts; rewrote public.posts; public.posts: 1 seq scan (3 rows read)". */
export function stepLine(record: StepRecord): string {
  const built = new Set(record.indexesBuilt);
  const created = record.created.filter((name) => !built.has(name));
  const rewritten = record.rewritten.filter((name) => !built.has(name));
  return [
    ...lockPart(record),
    ...(rewritten.length > 0 ? [`rewrote ${rewritten.join(', ')}`] : []),
    ...(record.indexesBuilt.length > 0 ? [`built ${record.indexesBuilt.join(', ')}`] : []),
    ...(created.length > 0 ? [`created ${created.join(', ')}`] : []),
    ...(record.dropped.length > 0 ? [`dropped ${record.dropped.join(', ')}`] : []),
    ...(record.tables ?? []).map(tableLine),
  ].join('; ');
}

function heldLine(record: StepRecord): string {
  if (record.heldUntil === 'end of statement')
    return 'It ran outside the migration’s transactions: its locks were released when it ended.';
  const held = record.locks.filter((l) => !l.taken);
  return held.length === 0
    ? 'Its locks are held until its transaction ends.'
    : `Its locks are held until its transaction ends, with those taken before it: ${lockList(held)}.`;
}

const RAN_AS: Readonly<Record<StepRecord['ranAs'], string>> = {
  'in-transaction': 'in the migration’s transaction',
  'own-transaction': 'in a transaction of its own, as its tool runs it',
  autocommit: 'outside any transaction (PostgreSQL refuses it in one)',
};

export function traceStepFinding(record: StepRecord): Finding {
  return {
    message: `Traced: ${stepLine(record)}.`,
    why: `The statement ran ${RAN_AS[record.ranAs]}. ${heldLine(record)} Row counts are the statement's own (pg_stat_xact_user_tables before and after it, in its transaction), on the synthetic rows pgvigil puts in tables that existed before the migration.`,
    data: { observed: true, ...record },
  };
}

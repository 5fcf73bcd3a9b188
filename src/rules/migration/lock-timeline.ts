import type { RuleMeta } from '../../diagnostics/rule-meta.js';
import { blocksWrites } from '../../observe/lock-modes.js';
import type { LockSpan } from '../../trace/lock-spans.js';
import type { Finding } from '../schema-rule.js';
import { lockName, whatWaits } from './observed-table.js';

export const lockTimelineMeta: RuleMeta = {
  id: 'lock-timeline',
  group: 'migration',
  category: 'locking',
  defaultSeverity: 'info',
  summary:
    'The locks that block writes which a migration held on tables that existed before it, each from the statement that took it to the end of its transaction (or of the statement, outside one).',
  // The trace: `pgvigil lint --trace` turns it on.
  enabledByDefault: false,
};

function until(span: LockSpan): string {
  return span.until === 'end of migration' ? 'the end of the migration' : `the COMMIT on line ${span.until}`;
}

function statementOnly(span: LockSpan): string {
  const kind = span.fromStatementKind
    ? ', as its kind does: pg_locks cannot show it after a statement run outside a transaction'
    : '';
  return `${span.table}: ${lockName(span.mode)} during line ${span.fromLine} only (held while that statement ran${kind})`;
}

function through(span: LockSpan): string {
  const others = span.lines.length - 1;
  return others === 0
    ? ''
    : `, through ${others} more statement${others === 1 ? '' : 's'} (lines ${span.lines.slice(1).join(', ')})`;
}

/** One line of the timeline: "public.posts: SHARE from line 2 until the end of the migration, through 2 more statements (lines 3, 4)". */
export function spanLine(span: LockSpan): string {
  if (span.until === 'end of statement') return statementOnly(span);
  return `${span.table}: ${lockName(span.mode)} from line ${span.fromLine} until ${until(span)}${through(span)}`;
}

/** The migration's lock timeline as one finding, placed on the statement that took the first lock. */
export function lockTimelineFinding(spans: readonly LockSpan[]): Finding | undefined {
  const [first] = spans;
  if (!first) return undefined;
  const tables = new Set(spans.map((s) => s.table));
  const on = tables.size === 1 ? first.table : `${tables.size} existing tables`;
  const blocking = spans.some((s) => blocksWrites(s.mode));
  return {
    message: blocking
      ? `This migration holds locks that block writes on ${on}: ${spanLine(first)}.`
      : `This migration holds locks on ${on} that let reads and writes go on: ${spanLine(first)}.`,
    why: [
      `While each lock is held, ${whatWaits(first.mode, first.table)} waits; every statement after the one that took it, up to the end of its transaction, makes the wait longer.`,
      ...spans.map((span) => `- ${spanLine(span)}`),
    ].join('\n'),
    help: 'Take the strongest lock as late as possible, keep slow work (builds, scans, backfills) out of the transaction that holds it, and SET lock_timeout before it.',
    data: {
      spans: spans.map((s) => ({
        table: s.table,
        lock: s.mode,
        fromLine: s.fromLine,
        until: s.until,
        lines: s.lines,
        ...(s.until === 'end of statement' && { duringStatementOnly: true }),
        ...(s.fromStatementKind && { fromStatementKind: true }),
      })),
    },
  };
}

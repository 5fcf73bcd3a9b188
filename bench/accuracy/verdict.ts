import { blocksReads, blocksWrites, type LockMode, lockStrength } from '../../src/observe/lock-modes.js';
import type { CaseTruth, StatementFacts } from './truth-model.js';

/**
 * - hazardous: on a relation that existed before the migration, (a) work that grows with it (a rewrite
 *   of it or of one of its indexes, or a sequential scan reading its rows, which is also how an index
 *   build shows) while a lock that blocks writes to it is held, or (b) rows of it updated or deleted, or
 *   (c) PostgreSQL refused a statement in the case's transaction mode.
 * - brief-exclusive: none of that, but an ACCESS EXCLUSIVE lock on a relation that existed before.
 *   Whether a moment of ACCESS EXCLUSIVE hurts depends on the lock queue (what else is running,
 *   lock_timeout), not on a fact this harness can measure; what it does measure is that no rows were
 *   rewritten or scanned, so a tool is scored only on not claiming that they were.
 * - undetermined: work happened outside a transaction and the poller saw no lock for it.
 * - safe: everything else.
 */
export type Verdict = 'hazardous' | 'brief-exclusive' | 'undetermined' | 'safe';

export interface Judgement {
  readonly verdict: Verdict;
  /** Why, one line per fact that decided it. */
  readonly reasons: readonly string[];
}

/** Maps a relation that existed before the migration to the table (or materialized view) it belongs to. */
function owners(truth: CaseTruth): (relation: string) => { table: string; matview: boolean } | undefined {
  const kinds = new Map(truth.existing.map((r) => [r.relation, r]));
  return (relation) => {
    const found = kinds.get(relation);
    const table =
      found?.table ?? (found && ['r', 'p', 'm'].includes(found.kind) ? found.relation : undefined);
    return table === undefined ? undefined : { table, matview: kinds.get(table)?.kind === 'm' };
  };
}

// Nobody but REFRESH writes a materialized view: for one, only a lock that stops readers matters.
const blocking = (mode: LockMode, matview: boolean): boolean =>
  matview ? blocksReads(mode) : blocksWrites(mode);

function judgeStatement(
  s: StatementFacts,
  ownerOf: ReturnType<typeof owners>,
  reasons: Map<Verdict, string[]>,
) {
  const note = (verdict: Verdict, text: string) => reasons.get(verdict)?.push(`\`${s.sql}\`: ${text}`);
  if (s.error) note('hazardous', `(c) PostgreSQL refused it: ${s.error.message}`);
  const work = new Map<string, string>();
  for (const relation of s.rewritten) {
    const owner = ownerOf(relation);
    if (owner) work.set(owner.table, `${relation} rewritten`);
  }
  for (const a of s.activity) {
    const owner = ownerOf(a.relation);
    if (!owner) continue;
    if (a.seqRowsRead > 0 && !work.has(owner.table))
      work.set(owner.table, `${a.seqRowsRead} rows of it read by sequential scan`);
    if (!owner.matview && a.updated + a.deleted > 0)
      note('hazardous', `(b) ${a.updated} rows of ${owner.table} updated, ${a.deleted} deleted`);
  }
  for (const [table, what] of work) {
    const held = s.locks.filter((l) => ownerOf(l.relation)?.table === table);
    // The strongest first, so the reason names the lock that matters.
    const blocker = [...held]
      .sort((a, b) => lockStrength(b.mode) - lockStrength(a.mode))
      .find((l) => blocking(l.mode, ownerOf(l.relation)?.matview ?? false));
    if (blocker) note('hazardous', `(a) ${what} while ${blocker.relation} is held in ${blocker.mode}`);
    else if (s.lockSource === 'sampled' && held.length === 0)
      note('undetermined', `${what}, but no lock on ${table} was sampled while it ran`);
  }
  for (const l of s.locks)
    if (l.mode === 'AccessExclusiveLock' && ownerOf(l.relation))
      note('brief-exclusive', `ACCESS EXCLUSIVE on ${l.relation}, no work that grows with it`);
}

const ORDER: readonly Verdict[] = ['hazardous', 'undetermined', 'brief-exclusive'];

/** The verdict of one case, derived from the measured facts only. */
export function judge(truth: CaseTruth): Judgement {
  const ownerOf = owners(truth);
  const reasons = new Map<Verdict, string[]>(ORDER.map((v) => [v, []]));
  for (const statement of truth.statements) judgeStatement(statement, ownerOf, reasons);
  for (const verdict of ORDER) {
    const found = [...new Set(reasons.get(verdict))];
    if (found.length > 0) return { verdict, reasons: found };
  }
  return { verdict: 'safe', reasons: [] };
}

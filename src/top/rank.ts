import { type StatEntry, totalMs } from './stat-entry.js';

export const SORT_KEYS = ['total', 'mean', 'calls', 'rows', 'reads'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function isSortKey(text: string): text is SortKey {
  return (SORT_KEYS as readonly string[]).includes(text);
}

/** One statement of the ranking, with the figures `top` shows. */
export interface RankedStatement {
  /** 1-based place in the ranking. */
  readonly rank: number;
  readonly entry: StatEntry;
  /** Planning plus execution, ms. */
  readonly totalMs: number;
  readonly meanMs: number;
  readonly rowsPerCall: number;
  /** Share of the total time of every statement ranked (planning plus execution). */
  readonly share: number;
}

const BY: Readonly<Record<SortKey, (r: Omit<RankedStatement, 'rank' | 'share'>) => number>> = {
  total: (r) => r.totalMs,
  mean: (r) => r.meanMs,
  calls: (r) => r.entry.calls,
  rows: (r) => r.entry.rows,
  reads: (r) => r.entry.sharedBlksRead,
};

/** The statements ordered by `sort` (ties by total time), the first `limit` of them. */
export function rankStatements(
  entries: readonly StatEntry[],
  sort: SortKey,
  limit: number,
): RankedStatement[] {
  const measured = entries.map((entry) => {
    const total = totalMs(entry);
    const calls = Math.max(entry.calls, 1);
    return { entry, totalMs: total, meanMs: total / calls, rowsPerCall: entry.rows / calls };
  });
  const sum = measured.reduce((acc, r) => acc + r.totalMs, 0);
  const key = BY[sort];
  return measured
    .sort((a, b) => key(b) - key(a) || b.totalMs - a.totalMs)
    .slice(0, limit)
    .map((r, i) => ({ ...r, rank: i + 1, share: sum > 0 ? r.totalMs / sum : 0 }));
}

/** One row of pg_stat_statements: cumulative since its last reset, or the difference of two snapshots. */
export interface StatEntry {
  /** queryid as text: a bigint does not fit a JavaScript number. */
  readonly queryid: string;
  readonly dbid: number;
  readonly userid: number;
  /** The normalized text ($n for constants) as first seen. */
  readonly query: string;
  readonly calls: number;
  /** 0 unless pg_stat_statements.track_planning is on (PostgreSQL 13+). */
  readonly planMs: number;
  readonly execMs: number;
  readonly rows: number;
  readonly sharedBlksRead: number;
}

export interface StatSnapshot {
  /** When it was read, ms since the epoch. */
  readonly takenAt: number;
  readonly entries: readonly StatEntry[];
  /** Statements of other roles whose text this role may not read (without pg_read_all_stats). */
  readonly hidden: number;
}

export function entryKey(entry: StatEntry): string {
  return `${entry.queryid}/${entry.dbid}/${entry.userid}`;
}

export function totalMs(entry: StatEntry): number {
  return entry.planMs + entry.execMs;
}

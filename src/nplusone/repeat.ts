import type { EventOrigin } from './query-event.js';

/** One query of a repeated block, with what its executions had in common. */
export interface RepeatedQuery {
  readonly sql: string;
  readonly fingerprint: string;
  readonly origin: EventOrigin;
  readonly isRead: boolean;
  readonly isBatched: boolean;
  readonly isPaged: boolean;
}

/**
 * A block of one to three queries executed again and again in one unit (session, transaction, or
 * trace parent span), and the query that ran just before it (the one whose rows it loops over).
 */
export interface Repeat {
  readonly unit: string;
  readonly parent?: { readonly sql: string; readonly origin: EventOrigin };
  readonly block: readonly RepeatedQuery[];
  /** How many times the block ran in a row. */
  readonly count: number;
  /** Different parameter sets among the first query's executions (capped at DISTINCT_CAP). */
  readonly distinctParameters: number;
  /** Summed duration of every execution in the block, when the source recorded durations. */
  readonly totalMs?: number;
}

export const DISTINCT_CAP = 1000;

/** Where an event was read: the log line or span it came from. */
export interface EventOrigin {
  readonly file: string;
  readonly line: number;
  /** The span's id, for events read from a trace. */
  readonly span?: string;
}

/** One execution of one statement, as a log or a trace recorded it. */
export interface QueryEvent {
  readonly origin: EventOrigin;
  /** Session (log) or trace + parent span (trace): queries are compared only within one. */
  readonly unit: string;
  readonly sql: string;
  /** Bind parameters as the log printed them ($1, $2, ...); absent for simple-protocol queries. */
  readonly parameters?: readonly string[];
  readonly durationMs?: number;
  /** When its log line was written, in ms (to the millisecond only; see log-time.ts). */
  readonly loggedAt?: number;
}

/** Lines or spans a reader could not use: counted per file, never fatal. */
export interface SkippedInput {
  readonly file: string;
  readonly count: number;
  /** 1-based line of the first one. */
  readonly firstLine: number;
  readonly reason: string;
}

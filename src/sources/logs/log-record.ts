/** One server log message with what came with it (DETAIL), whatever the log format. */
export interface LogRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  /** Session id (%c, csv/json session_id) or process id: the connection it came from. */
  readonly session: string;
  readonly severity: string;
  readonly message: string;
  readonly detail?: string;
  /** When the server wrote it, in ms, when the log says it to the millisecond (log-time.ts). */
  readonly loggedAt?: number;
}

/** A line a reader could not place in a record. */
export interface BadLine {
  readonly bad: true;
  readonly line: number;
}

export type RecordOrBad = LogRecord | BadLine;

export function isBad(item: RecordOrBad): item is BadLine {
  return 'bad' in item;
}

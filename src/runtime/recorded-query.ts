import type { StackFrame } from './stack.js';

/** One query the application sent through a watched client, in the order it was sent. */
export interface RecordedQuery {
  readonly sql: string;
  /** The bind parameters, exactly as passed to the driver. */
  readonly parameters?: readonly unknown[];
  /** The driver and the method called: `pg Pool.query`, `pg Client.query`, `PGlite exec`, ... */
  readonly method: string;
  /** The application's frames at the call, innermost first (see stack.ts). */
  readonly stack: readonly StackFrame[];
  /** Until the query settled; absent for submittables (cursors, streams) and queries still running. */
  readonly durationMs?: number;
}

/** Collects the queries of one watch. Scoped recorders only take queries sent inside their callback. */
export class QueryRecorder {
  private readonly entries: RecordedQuery[] = [];

  constructor(readonly scoped: boolean) {}

  /** Keeps the query in call order; the returned function adds its duration once it settles. */
  start(query: RecordedQuery): (durationMs: number) => void {
    const index = this.entries.push(query) - 1;
    return (durationMs) => {
      this.entries[index] = { ...query, durationMs };
    };
  }

  queries(): readonly RecordedQuery[] {
    return [...this.entries];
  }
}

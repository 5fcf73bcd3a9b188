import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RecordedQuery } from './recorded-query.js';
import type { StackFrame } from './stack.js';

/** One repeat found among the recorded queries, with the application code that sent it. */
export interface NPlusOneFinding {
  readonly rule: 'n-plus-one' | 'repeated-identical-query';
  /** Executions in a row. */
  readonly count: number;
  /** libpg-query fingerprints of the repeated query (two or three for a repeated sequence). */
  readonly fingerprints: readonly string[];
  /** The repeated queries, normalized ($n for constants). */
  readonly queries: readonly string[];
  /** The query that ran just before the repeats, normalized: the one whose rows they loop over. */
  readonly previousQuery?: string;
  /** The first repeated execution as it was sent. */
  readonly first: RecordedQuery;
  /** The application frames of the first repeated execution, innermost first. */
  readonly stack: readonly StackFrame[];
  /** The batch (`= ANY($1)`) and JOIN forms to use instead, when they could be written. */
  readonly suggestedSql?: string;
  /** The finding as `pgvigil n1` reports it (message, why, help, data). */
  readonly diagnostic: Diagnostic;
}

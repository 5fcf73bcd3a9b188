import type { NPlusOneFinding } from './finding.js';
import type { RecordedQuery } from './recorded-query.js';
import { formatReport } from './report.js';

/** Thrown by detectNPlusOne (and QueryWatch.check) when the callback ran an N+1; the message is the report. */
export class NPlusOneError extends Error {
  override readonly name = 'NPlusOneError';

  constructor(
    readonly findings: readonly NPlusOneFinding[],
    readonly queries: readonly RecordedQuery[],
  ) {
    super(formatReport(findings));
  }
}

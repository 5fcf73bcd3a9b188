/** A failure while checking one server, in one line that names it. */
export class HealthError extends Error {
  override readonly name = 'HealthError';
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

const QUERY_CANCELED = '57014';

export function explainFailure(error: unknown, statementTimeoutMs: number): string {
  if ((error as { code?: string }).code === QUERY_CANCELED)
    return `a query ran longer than statement_timeout (${statementTimeoutMs} ms) and was stopped: give it more time with --timeout (for example --timeout 30s)`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

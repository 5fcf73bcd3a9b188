/** What a LOG message says about a statement. */
export type QueryMessage =
  | { readonly kind: 'query'; readonly sql: string; readonly durationMs?: number; readonly prepared: boolean }
  /** A bare `duration:` line: log_duration after log_statement already logged the statement. */
  | { readonly kind: 'duration'; readonly durationMs: number }
  | { readonly kind: 'other' };

const DURATION = /^duration: (\d+(?:\.\d+)?) ms(?: {2}(.*))?$/s;
// parse and bind are steps of one extended-protocol execution: only execute counts it.
const STATEMENT = /^(?:statement|execute (?:fetch from )?[^:]*): (.*)$/s;
const PROTOCOL_STEP = /^(?:parse|bind) [^:]*: /;

export function readQueryMessage(message: string): QueryMessage {
  let rest = message;
  let durationMs: number | undefined;
  const timed = DURATION.exec(message);
  if (timed) {
    durationMs = Number(timed[1]);
    if (timed[2] === undefined) return { kind: 'duration', durationMs };
    rest = timed[2];
  }
  if (PROTOCOL_STEP.test(rest)) return { kind: 'other' };
  const statement = STATEMENT.exec(rest);
  if (!statement) return { kind: 'other' };
  return {
    kind: 'query',
    sql: statement[1] ?? '',
    prepared: rest.startsWith('execute'),
    ...(durationMs !== undefined && { durationMs }),
  };
}

const PARAMETER = /\$(\d+) = (NULL|'(?:[^']|'')*'(?:\.\.\.)?)/g;

/** `parameters: $1 = '42', $2 = NULL` from a DETAIL as the values, in order. */
export function readParameters(detail: string | undefined): string[] | undefined {
  if (!detail?.startsWith('parameters: ')) return undefined;
  const values: string[] = [];
  for (const match of detail.matchAll(PARAMETER)) values[Number(match[1]) - 1] = match[2] ?? '';
  return values;
}

/** What a LOG message says about a statement. */
export type QueryMessage =
  | { readonly kind: 'query'; readonly sql: string; readonly durationMs?: number; readonly prepared: boolean }
  /** A bare `duration:` line: log_duration after log_statement already logged the statement. */
  | { readonly kind: 'duration'; readonly durationMs: number }
  /** auto_explain: `duration: … ms  plan:` and the plan on the lines after. */
  | { readonly kind: 'plan'; readonly text: string; readonly durationMs: number }
  | { readonly kind: 'other' };

const DURATION = 'duration: ';
const MS = ' ms';

/** The statement of `statement: …` or `execute <name>: …`; parse and bind are steps of one execution, only execute counts it. */
function statementOf(rest: string): { sql: string; prepared: boolean } | undefined {
  if (rest.startsWith('statement: ')) return { sql: rest.slice(11), prepared: false };
  if (!rest.startsWith('execute ')) return undefined;
  const colon = rest.indexOf(': ', 8);
  return colon < 0 ? undefined : { sql: rest.slice(colon + 2), prepared: true };
}

// Plain string scanning, no regular expressions: this runs once per record of a log of many GB.
export function readQueryMessage(message: string): QueryMessage {
  let rest = message;
  let durationMs: number | undefined;
  if (message.startsWith(DURATION)) {
    const unit = message.indexOf(MS, DURATION.length);
    const value = unit < 0 ? Number.NaN : Number(message.slice(DURATION.length, unit));
    if (!Number.isFinite(value)) return { kind: 'other' };
    durationMs = value;
    if (unit + MS.length === message.length) return { kind: 'duration', durationMs };
    if (!message.startsWith('  ', unit + MS.length)) return { kind: 'other' };
    rest = message.slice(unit + MS.length + 2);
    if (rest.startsWith('plan:')) return { kind: 'plan', text: rest.slice(5), durationMs };
  }
  const statement = statementOf(rest);
  if (!statement) return { kind: 'other' };
  return { kind: 'query', ...statement, ...(durationMs !== undefined && { durationMs }) };
}

const PARAMETER = /\$(\d+) = (NULL|'(?:[^']|'')*'(?:\.\.\.)?)/g;

/** `parameters: $1 = '42', $2 = NULL` from a DETAIL as the values, in order. */
export function readParameters(detail: string | undefined): string[] | undefined {
  if (!detail?.startsWith('parameters: ')) return undefined;
  const values: string[] = [];
  for (const match of detail.matchAll(PARAMETER)) values[Number(match[1]) - 1] = match[2] ?? '';
  return values;
}

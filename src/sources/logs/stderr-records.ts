import { type LinePrefix, matchStart } from './line-prefix.js';
import type { LogRecord, RecordOrBad } from './log-record.js';
import { logTimeMs } from './log-time.js';

/** Severities that only add to the record before them (the server writes them right after it). */
const ATTACHED = new Set(['DETAIL', 'HINT', 'CONTEXT', 'STATEMENT', 'QUERY', 'LOCATION']);

interface Open {
  readonly line: number;
  readonly session: string;
  readonly severity: string;
  message: string;
  detail?: string;
  readonly loggedAt?: number;
}

function close(open: Open): LogRecord {
  return {
    line: open.line,
    session: open.session,
    severity: open.severity,
    message: open.message,
    ...(open.detail !== undefined && { detail: open.detail }),
    ...(open.loggedAt !== undefined && { loggedAt: open.loggedAt }),
  };
}

/**
 * Stderr log lines as records: a record starts with the prefix, continues on lines the server
 * starts with a tab (multi-line statements), and takes the DETAIL that follows it.
 */
export async function* stderrRecords(
  batches: AsyncIterable<readonly string[]>,
  prefix: LinePrefix,
): AsyncGenerator<RecordOrBad[]> {
  let open: Open | undefined;
  // Continuations go to the last message or to its DETAIL, whichever came last.
  let target: 'message' | 'detail' = 'message';
  let number = 0;
  for await (const batch of batches) {
    const out: RecordOrBad[] = [];
    for (const text of batch) {
      number++;
      if (text.startsWith('\t') && open) {
        if (target === 'detail') open.detail = `${open.detail ?? ''}\n${text.slice(1)}`;
        else open.message += `\n${text.slice(1)}`;
        continue;
      }
      const start = matchStart(prefix, text);
      if (!start) {
        if (text.trim() !== '') out.push({ bad: true, line: number });
        continue;
      }
      const { severity, message, session: from } = start;
      if (open && ATTACHED.has(severity) && from === open.session) {
        if (severity === 'DETAIL') {
          open.detail = message;
          target = 'detail';
        }
        continue;
      }
      if (open) out.push(close(open));
      if (ATTACHED.has(severity)) {
        open = undefined;
        continue;
      }
      const loggedAt = logTimeMs(start.at);
      open = { line: number, session: from, severity, message, ...(loggedAt !== undefined && { loggedAt }) };
      target = 'message';
    }
    yield out;
  }
  if (open) yield [close(open)];
}

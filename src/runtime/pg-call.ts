import type { CallFacts } from './record-call.js';

/**
 * The text and values of a node-postgres `query()` call in any of its forms: `(text, values?, cb?)`,
 * `({ text, values, name }, values?, cb?)`, or a submittable (pg-cursor has `text`, pg-query-stream a
 * `cursor.text`). Undefined for a call it cannot read, which then runs unrecorded.
 */
export function pgCall(method: string, args: readonly unknown[]): CallFacts | undefined {
  const [first, second] = args;
  const values = Array.isArray(second) ? (second as readonly unknown[]) : undefined;
  if (typeof first === 'string') return { sql: first, method, ...(values && { parameters: values }) };
  if (typeof first !== 'object' || first === null) return undefined;
  const config = first as { text?: unknown; values?: unknown; cursor?: { text?: unknown; values?: unknown } };
  const source = typeof config.text === 'string' ? config : config.cursor;
  if (typeof source?.text !== 'string') return undefined;
  // As in pg itself, values passed beside a config object win over the config's own.
  const parameters =
    values ?? (Array.isArray(source.values) ? (source.values as readonly unknown[]) : undefined);
  return { sql: source.text, method, ...(parameters && { parameters }) };
}

import { beforeAll, describe, expect, it } from 'vitest';
import { detectRepeats } from '../../src/nplusone/detect-repeats.js';
import type { QueryEvent } from '../../src/nplusone/query-event.js';
import { initSql } from '../../src/sql/parser.js';

let line = 0;
const ev = (unit: string, sql: string, ...parameters: string[]): QueryEvent => ({
  origin: { file: 'x.log', line: ++line },
  unit,
  sql,
  ...(parameters.length > 0 && { parameters }),
});

const PARENT = 'SELECT id FROM orders WHERE customer_id = $1';
const CHILD = 'SELECT * FROM order_lines WHERE order_id = $1';
const summary = (found: Awaited<ReturnType<typeof detectRepeats>>) =>
  found.map((r) => `${r.unit} ${r.count}x${r.block.length} ${r.distinctParameters}`);

beforeAll(initSql);

describe('detectRepeats', () => {
  it('keeps interleaved units apart and finds each run with its parent', async () => {
    const events: QueryEvent[] = [ev('a', PARENT, '1'), ev('b', PARENT, '2')];
    for (let i = 0; i < 6; i++)
      events.push(ev('a', CHILD, String(i)), ev('b', CHILD, String(i)), ev('b', CHILD, 'x'));
    const found = await detectRepeats(events, 5);
    expect(summary(found)).toEqual(['a 6x1 6', 'b 12x1 7']);
    expect(found[0]?.parent?.sql).toBe(PARENT);
    expect(found[0]?.block[0]?.origin.line).toBe(events[2]?.origin.line);
  });

  it('a sequence of two or three queries repeated is one run; a broken pattern ends it', async () => {
    const tags = 'SELECT * FROM tags WHERE order_id = $1';
    const notes = 'SELECT * FROM notes WHERE order_id = $1';
    const events: QueryEvent[] = [ev('u', PARENT, '1')];
    for (let i = 0; i < 5; i++)
      events.push(ev('u', CHILD, `${i}`), ev('u', tags, `${i}`), ev('u', notes, `${i}`));
    events.push(ev('u', 'SELECT now()'));
    for (let i = 0; i < 4; i++) events.push(ev('u', CHILD, `${i}`), ev('u', tags, `${i}`));
    expect(summary(await detectRepeats(events, 5))).toEqual(['u 5x3 5']);
    expect(summary(await detectRepeats(events, 4))).toEqual(['u 5x3 5', 'u 4x2 4']);
  });

  it('literals count as parameters; an explicit transaction is its own unit', async () => {
    const events: QueryEvent[] = [ev('s', 'BEGIN')];
    for (let i = 0; i < 3; i++) events.push(ev('s', `SELECT * FROM order_lines WHERE order_id = ${i}`));
    events.push(ev('s', 'COMMIT'));
    for (let i = 3; i < 6; i++) events.push(ev('s', `SELECT * FROM order_lines WHERE order_id = ${i}`));
    expect(summary(await detectRepeats(events, 3))).toEqual(['s, transaction 1 3x1 3', 's 3x1 3']);
  });

  it('a session silent for long is judged and forgotten without losing its run', async () => {
    function* events(): Generator<QueryEvent> {
      for (let i = 0; i < 5; i++) yield ev('early', CHILD, String(i));
      for (let i = 0; i < 120_000; i++) yield ev(`s${i}`, PARENT, String(i));
    }
    expect(summary(await detectRepeats(events(), 5))).toEqual(['early 5x1 5']);
  });
});

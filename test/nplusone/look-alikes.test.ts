import { beforeAll, describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { analyzeEventSources } from '../../src/nplusone/analyze-logs.js';
import type { QueryEvent } from '../../src/nplusone/query-event.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { initSql } from '../../src/sql/parser.js';

let line = 0;
const ev = (unit: string, sql: string, ...parameters: string[]): QueryEvent => ({
  origin: { file: 'x.log', line: ++line },
  unit,
  sql,
  ...(parameters.length > 0 && { parameters }),
});
const eight = (make: (i: number) => QueryEvent): QueryEvent[] => Array.from({ length: 8 }, (_, i) => make(i));

async function rulesFound(events: readonly QueryEvent[]): Promise<string[]> {
  const settings = resolveRuleSettings(
    { rules: {} } as Parameters<typeof resolveRuleSettings>[0],
    allRuleMetas,
  );
  const found: Diagnostic[] = await analyzeEventSources(
    [async () => ({ file: 'x.log', batches: [events], skipped: () => undefined })],
    settings,
  );
  return found.map((d) => d.rule);
}

beforeAll(initSql);

describe('look-alikes of an N+1 are not reported as one', () => {
  it('the loop itself is: a keyed lookup per row of the query before it', async () => {
    const events = [
      ev('s', 'SELECT id FROM posts WHERE author_id = $1', '1'),
      ...eight((i) => ev('s', 'SELECT body FROM comments WHERE post_id = $1', String(i))),
    ];
    expect(await rulesFound(events)).toEqual(['n-plus-one']);
  });

  it('chunks of IN (…) and = ANY($1) are the fix already', async () => {
    expect(
      await rulesFound(eight((i) => ev('s', `SELECT body FROM comments WHERE post_id IN (${i}, ${i + 8})`))),
    ).toEqual([]);
    expect(
      await rulesFound(eight((i) => ev('s', 'SELECT body FROM comments WHERE post_id = ANY($1)', `{${i}}`))),
    ).toEqual([]);
  });

  it('pages of one ordered read, by keyset or by OFFSET, walk one result', async () => {
    const keyset = 'SELECT id, body FROM comments WHERE id > $1 ORDER BY id LIMIT 100';
    expect(await rulesFound(eight((i) => ev('s', keyset, String(i * 100))))).toEqual([]);
    const offset = 'SELECT id, body FROM comments ORDER BY id LIMIT 100 OFFSET $1';
    expect(await rulesFound(eight((i) => ev('s', offset, String(i * 100))))).toEqual([]);
    // A LIMIT alone does not make a page: the top comments of each post are still one query per post.
    const top = 'SELECT body FROM comments WHERE post_id = $1 ORDER BY created_at LIMIT 3';
    expect(await rulesFound(eight((i) => ev('s', top, String(i))))).toEqual(['n-plus-one']);
  });

  it('the same parameters each time is a repeated read, not an N+1', async () => {
    expect(
      await rulesFound(eight(() => ev('s', 'SELECT value FROM settings WHERE key = $1', 'theme'))),
    ).toEqual(['repeated-identical-query']);
  });

  it('one lookup in each of many units, and writes in a loop, are not N+1', async () => {
    expect(
      await rulesFound(
        eight((i) => ev(`session ${i}`, 'SELECT body FROM comments WHERE post_id = $1', String(i))),
      ),
    ).toEqual([]);
    expect(
      await rulesFound(eight((i) => ev('s', 'INSERT INTO audit (post_id) VALUES ($1)', String(i)))),
    ).toEqual([]);
  });
});

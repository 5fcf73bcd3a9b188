import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { fillEmptyTables } from '../../src/explain/bulk-fill.js';
import { runExplain } from '../../src/explain/run-explain.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { initSql } from '../../src/sql/parser.js';

const BLOG_SCHEMA = new URL('../../examples/blog/schema.sql', import.meta.url);
const ROWS = 6000;

let engine: Engine;

beforeAll(async () => {
  await initSql();
  engine = await openPglite();
  await engine.exec(await readFile(BLOG_SCHEMA, 'utf8'));
  await engine.exec(`CREATE TYPE mood AS ENUM ('calm', 'busy', 'late', 'lost');
    CREATE TABLE tickets (id bigint PRIMARY KEY, mood mood NOT NULL, kind text CHECK (kind IN ('bug', 'idea')))`);
  await fillEmptyTables(engine, ROWS);
});
afterAll(async () => {
  await engine?.close();
});

async function shares(sql: string): Promise<[string, number][]> {
  const { rows } = await engine.query<{ value: string; n: string }>(sql);
  return rows.map((r) => [r.value, Number(r.n) / ROWS]);
}

describe('synthetic rows of a column of categories', () => {
  it('draw from the CHECK’s values, even under a DEFAULT, skewed towards the first', async () => {
    const status = await shares(
      'SELECT status AS value, count(*) AS n FROM posts GROUP BY 1 ORDER BY 2 DESC',
    );
    expect(status.map(([value]) => value)).toEqual(['draft', 'published', 'archived']);
    // log2 / log4 = 50 %, then 29 % and 21 %: uneven, yet every value common enough to be planned for.
    expect(status[0]?.[1]).toBeGreaterThan(0.45);
    expect(status[0]?.[1]).toBeLessThan(0.55);
    expect(status[2]?.[1]).toBeGreaterThan(0.15);
    const kinds = await shares('SELECT kind AS value, count(*) AS n FROM tickets GROUP BY 1 ORDER BY 2 DESC');
    expect(kinds.map(([value]) => value)).toEqual(['bug', 'idea']);
  });

  it('skew enum labels the same way, in no relation to the insertion order', async () => {
    const moods = await shares(
      'SELECT mood::text AS value, count(*) AS n FROM tickets GROUP BY 1 ORDER BY 2 DESC',
    );
    expect(moods.map(([value]) => value)).toEqual(['calm', 'busy', 'late', 'lost']);
    expect(moods[0]?.[1]).toBeGreaterThan(2 * (moods[3]?.[1] ?? 1));
    const { rows } = await engine.query<{ correlation: number }>(
      "SELECT correlation FROM pg_stats WHERE tablename = 'posts' AND attname = 'status'",
    );
    expect(Math.abs(rows[0]?.correlation ?? 1)).toBeLessThan(0.5);
  });

  it('let the advisor judge a partial index on the rarest status against the skew', async () => {
    const result = await runExplain({
      input: "SELECT id, title FROM posts WHERE status = 'archived' ORDER BY created_at DESC LIMIT 10",
      schemaFiles: [BLOG_SCHEMA.pathname],
      rowsPerTable: 20_000,
      timeoutMs: 30_000,
      settings: resolveRuleSettings({ rules: {} }, allRuleMetas),
    });
    const advice = result.diagnostics.find((d) => d.rule === 'index-advice');
    expect(advice?.suggestedSql).toMatch(
      /ON public\.posts USING btree \(created_at DESC\) WHERE \(?status = 'archived'/,
    );
  }, 120_000);
});

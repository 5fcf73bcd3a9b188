import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { fillTables } from '../../src/observe/synthetic-rows.js';
import { describeEachEngine } from '../support/engines.js';

const SCHEMA = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TABLE authors (id uuid PRIMARY KEY, email varchar(3) NOT NULL UNIQUE, mood mood NOT NULL, born date,
  rating positive NOT NULL, tags text[] NOT NULL, meta jsonb, active boolean NOT NULL, ip inet, spent interval);
CREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author_id uuid NOT NULL REFERENCES authors,
  title text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), score numeric(5, 2),
  slug text GENERATED ALWAYS AS (lower(title)) STORED, edited timestamp, at time);
CREATE TABLE comments (id serial PRIMARY KEY, post_id bigint REFERENCES posts, reply_to int REFERENCES comments,
  body text CHECK (body <> '1'));
CREATE TABLE counters (id serial PRIMARY KEY, hits int NOT NULL DEFAULT 0);
CREATE TABLE strange (p polygon NOT NULL);
CREATE TABLE orphans (parent_id int NOT NULL REFERENCES counters);`;

async function count(engine: Engine, table: string): Promise<number> {
  return (await engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? -1;
}

describeEachEngine('fillTables', (open) => {
  let engine: Engine;
  let result: Awaited<ReturnType<typeof fillTables>>;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(SCHEMA);
    // Children first on purpose: the fill must put parents first itself.
    result = await fillTables(engine, ['comments', 'posts', 'public.authors', 'counters', 'strange', 'nope']);
  });
  afterAll(() => engine.close());

  it('fills parents before children, respecting types, domains, enums, NOT NULL, identity and generated columns', async () => {
    expect(result.filled.map((f) => f.table)).toEqual([
      'public.authors',
      'public.posts',
      'public.comments',
      'public.counters',
    ]);
    expect(result.filled.map((f) => f.rows)).toEqual([3, 3, 3, 3]);
    expect(await count(engine, 'authors')).toBe(3);
    expect(await count(engine, 'posts')).toBe(3);
  });

  it('points foreign keys at existing parent rows, spread over them', async () => {
    const { rows } = await engine.query<{ n: number }>(
      'SELECT count(DISTINCT author_id)::int AS n FROM posts',
    );
    expect(rows[0]?.n).toBe(3);
    const linked = await engine.query<{ n: number }>('SELECT count(post_id)::int AS n FROM comments');
    expect(linked.rows[0]?.n).toBe(3);
  });

  it('leaves nullable columns non-null where it can, so SET NOT NULL on them still succeeds', async () => {
    await engine.exec(
      'ALTER TABLE authors ALTER born SET NOT NULL, ALTER meta SET NOT NULL, ALTER ip SET NOT NULL',
    );
    await engine.exec(
      'ALTER TABLE posts ALTER score SET NOT NULL, ALTER edited SET NOT NULL, ALTER at SET NOT NULL',
    );
  });

  it('falls back to NULLs for a row a CHECK refuses', async () => {
    const { rows } = await engine.query<{ body: string | null }>('SELECT body FROM comments ORDER BY id');
    expect(rows.map((r) => r.body)).toEqual([null, '2', '3']);
  });

  it('says why it skipped a table', () => {
    expect(result.skipped).toEqual([
      { table: 'nope', reason: 'no such table' },
      { table: 'public.strange', reason: 'no synthetic value for NOT NULL column p of type polygon' },
    ]);
  });

  it('skips a table whose required parent has no rows, with Postgres own words', async () => {
    await engine.exec('TRUNCATE counters CASCADE');
    const again = await fillTables(engine, ['orphans'], 2);
    expect(again.filled).toEqual([]);
    expect(again.skipped[0]?.reason).toMatch(/null value in column "parent_id"/);
  });
});

import pg from 'pg';
import Cursor from 'pg-cursor';
import QueryStream from 'pg-query-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { detectNPlusOne, NPlusOneError } from '../../src/runtime/index.js';
import { openServerTestDatabase, testServerUrl } from '../support/engines.js';
import { BLOG_SCHEMA, lineOf } from './support/blog.js';
import { caught } from './support/outcome.js';

let database: Engine;
let pool: pg.Pool;

beforeAll(async () => {
  database = await openServerTestDatabase();
  await database.exec(BLOG_SCHEMA);
  const { rows } = await database.query<{ name: string }>('SELECT current_database() AS name');
  pool = new pg.Pool({
    connectionString: urlForDatabase(testServerUrl() ?? '', rows[0]?.name ?? ''),
    max: 2,
  });
});
afterAll(async () => {
  await pool?.end();
  await database?.close();
});

async function postIds(client: pg.PoolClient): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>('SELECT id FROM posts ORDER BY id');
  return rows.map((row) => row.id);
}

// A cursor per post: one query per row all the same, read in pages.
async function commentsByCursor(): Promise<number> {
  const client = await pool.connect();
  try {
    let total = 0;
    for (const id of await postIds(client)) {
      const cursor = client.query(new Cursor('SELECT id, body FROM comments WHERE post_id = $1', [id])); // cursor-loop
      total += (await cursor.read(100)).length;
      await cursor.close();
    }
    return total;
  } finally {
    client.release();
  }
}

async function commentsByStream(): Promise<number> {
  const client = await pool.connect();
  try {
    let total = 0;
    for (const id of await postIds(client)) {
      const stream = client.query(new QueryStream('SELECT id, body FROM comments WHERE post_id = $1', [id])); // stream-loop
      for await (const _row of stream) total++;
    }
    return total;
  } finally {
    client.release();
  }
}

async function commentCount(): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
  return rows[0]?.n ?? -1;
}

describe('detectNPlusOne with pg-cursor and pg-query-stream (submittables, PostgreSQL server)', () => {
  /**
   * Runs a per-row loader under detectNPlusOne: it must still read every comment, and fail with
   * one n-plus-one finding on the lookup, at the line marked in this file.
   */
  async function expectLoopAt(load: () => Promise<number>, marker: string): Promise<void> {
    const expected = await commentCount();
    let read = -1;
    const error = await caught(
      detectNPlusOne(pool, async () => {
        read = await load();
      }),
    );
    expect(read).toBe(expected);
    expect(error).toBeInstanceOf(NPlusOneError);
    const [finding] = (error as NPlusOneError).findings;
    expect(finding).toMatchObject({
      rule: 'n-plus-one',
      count: 8,
      queries: ['SELECT id, body FROM comments WHERE post_id = $1'],
    });
    expect(finding?.stack[0]).toMatchObject(lineOf(import.meta.url, marker));
  }

  it('a cursor opened per row is an N+1 at its line, and every cursor still reads its rows', async () => {
    await expectLoopAt(commentsByCursor, 'cursor-loop');
  });

  it('a stream opened per row is an N+1 at its line, and every stream still yields its rows', async () => {
    await expectLoopAt(commentsByStream, 'stream-loop');
  });

  it('one cursor read page by page is one query, not a loop', async () => {
    const {
      value: pages,
      queries,
      findings,
    } = await detectNPlusOne(pool, async () => {
      const client = await pool.connect();
      try {
        const cursor = client.query(new Cursor('SELECT id FROM comments ORDER BY id'));
        let count = 0;
        for (let page = await cursor.read(2); page.length > 0; page = await cursor.read(2)) count++;
        await cursor.close();
        return count;
      } finally {
        client.release();
      }
    });
    expect(pages).toBeGreaterThan(2);
    expect(queries.map((q) => q.sql)).toEqual(['SELECT id FROM comments ORDER BY id']);
    expect(findings).toEqual([]);
  });
});

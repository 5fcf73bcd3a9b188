import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { detectNPlusOne, NPlusOneError, watchQueries } from '../../src/runtime/index.js';
import { openServerTestDatabase, testServerUrl } from '../support/engines.js';
import { BLOG_SCHEMA, lineOf } from './support/blog.js';
import { caught, throwAfter } from './support/outcome.js';

let database: Engine;
let pool: pg.Pool;
let url: string;

beforeAll(async () => {
  database = await openServerTestDatabase();
  await database.exec(BLOG_SCHEMA);
  const { rows } = await database.query<{ name: string }>('SELECT current_database() AS name');
  url = urlForDatabase(testServerUrl() ?? '', rows[0]?.name ?? '');
  pool = new pg.Pool({ connectionString: url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await database?.close();
});

// The application code under test, as a request handler would run it through a pool.
async function commentsOneByOne(): Promise<number> {
  const posts = await pool.query<{ id: number }>('SELECT id, title FROM posts ORDER BY id');
  let total = 0;
  for (const post of posts.rows) {
    const comments = await pool.query('SELECT id, body FROM comments WHERE post_id = $1', [post.id]); // pool-loop
    total += comments.rowCount ?? 0;
  }
  return total;
}

async function commentsBatched(): Promise<number> {
  const posts = await pool.query<{ id: number }>('SELECT id, title FROM posts ORDER BY id');
  const ids = posts.rows.map((p) => p.id);
  const comments = await pool.query('SELECT post_id, id, body FROM comments WHERE post_id = ANY($1)', [ids]);
  return comments.rowCount ?? 0;
}

// pg's callback forms end to end: pool.connect(cb), then client.query(text, values, cb) one after another.
const titlesViaCallbacks = (from: pg.Pool, ids: readonly number[]): Promise<void> =>
  new Promise((resolve, reject) => {
    from.connect((error, client, release) => {
      if (error || !client) return reject(error);
      const next = (i: number): void => {
        const id = ids[i];
        if (id === undefined) {
          release();
          resolve();
          return;
        }
        client.query('SELECT title FROM posts WHERE id = $1', [id], (e) => (e ? reject(e) : next(i + 1)));
      };
      next(0);
    });
  });
const isWatched = (target: object): boolean =>
  Object.hasOwn(target, 'query') || Object.hasOwn(target, 'connect');

describe('detectNPlusOne on node-postgres (PostgreSQL server)', () => {
  it('fails on a loop of Pool.query lookups, pointing at the loop line of this file', async () => {
    const error = await caught(detectNPlusOne(pool, commentsOneByOne));
    expect(error).toBeInstanceOf(NPlusOneError);
    const [finding, ...others] = (error as NPlusOneError).findings;
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'n-plus-one',
      count: 8,
      queries: ['SELECT id, body FROM comments WHERE post_id = $1'],
      previousQuery: 'SELECT id, title FROM posts ORDER BY id',
    });
    expect(finding?.stack[0]).toMatchObject(lineOf(import.meta.url, 'pool-loop'));
    // Pool.query's own client.query is not counted a second time.
    expect((error as NPlusOneError).queries.map((q) => q.method)).toEqual(Array(9).fill('pg Pool.query'));
    expect((error as Error).message).toContain('WHERE post_id = ANY($1)');
  });

  it('passes the batched = ANY($1) load', async () => {
    const result = await detectNPlusOne(pool, commentsBatched);
    expect(result).toMatchObject({ value: 40, findings: [] });
    expect(result.queries).toHaveLength(2);
    expect(result.queries.every((q) => q.durationMs !== undefined && q.durationMs >= 0)).toBe(true);
  });

  it('watches the clients pool.connect() hands out, in its promise and callback forms, and restores them', async () => {
    let checkedOut: pg.PoolClient | undefined;
    const promiseForm = await caught(
      detectNPlusOne(pool, async () => {
        const client = await pool.connect();
        checkedOut = client;
        try {
          for (let id = 1; id <= 6; id++)
            await client.query({
              name: 'post-title',
              text: 'SELECT title FROM posts WHERE id = $1',
              values: [id],
            });
        } finally {
          client.release();
        }
      }),
    );
    expect((promiseForm as NPlusOneError).findings[0]?.count).toBe(6);
    expect((promiseForm as NPlusOneError).queries[0]?.method).toBe('pg Client.query');
    expect(checkedOut && isWatched(checkedOut)).toBe(false);
    // One client for two callbacks: the second waits in connect() until the first releases it.
    const fresh = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const [loop, pair] = await Promise.allSettled([
        detectNPlusOne(fresh, () => titlesViaCallbacks(fresh, [1, 2, 3, 4, 5, 6])),
        detectNPlusOne(fresh, () => titlesViaCallbacks(fresh, [7, 8])),
      ]);
      expect(loop.status === 'rejected' && (loop.reason as NPlusOneError).findings[0]?.count).toBe(6);
      expect(pair.status === 'fulfilled' && pair.value.queries.map((q) => q.parameters)).toEqual([[7], [8]]);
      expect(isWatched(fresh)).toBe(false);
    } finally {
      await fresh.end();
    }
    expect(isWatched(pool)).toBe(false);
  });

  it('leaves results and errors as pg returns them, in promise and callback forms', async () => {
    const sql = 'SELECT id, title FROM posts WHERE id <= $1 ORDER BY id';
    const plain = await pool.query(sql, [3]);
    const watched = await detectNPlusOne(pool, () => pool.query(sql, [3]));
    expect(watched.value.rows).toEqual(plain.rows);
    expect(watched.value.fields.map((f) => [f.name, f.dataTypeID])).toEqual(
      plain.fields.map((f) => [f.name, f.dataTypeID]),
    );
    const plainError = (await caught(pool.query('SELECT * FROM missing_table'))) as pg.DatabaseError;
    const watchedError = await caught(detectNPlusOne(pool, () => pool.query('SELECT * FROM missing_table')));
    expect(watchedError).toBeInstanceOf(pg.DatabaseError);
    expect(watchedError).toMatchObject({ code: '42P01', message: plainError.message });
    const viaCallback = await detectNPlusOne(
      pool,
      () =>
        new Promise<unknown>((resolve) =>
          pool.query('SELECT * FROM missing_table', (error: Error) => resolve(error)),
        ),
    );
    expect(viaCallback.value).toMatchObject({ code: '42P01', message: plainError.message });
    expect(viaCallback.queries[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('records a submittable and hands it back as it is', async () => {
    const submittable = new pg.Query('SELECT title FROM posts WHERE id = $1', [2]);
    const result = await detectNPlusOne(pool, async () => {
      const client = await pool.connect();
      try {
        const returned = client.query(submittable);
        const rows: unknown[] = [];
        submittable.on('row', (row: unknown) => rows.push(row));
        await new Promise((resolve, reject) => submittable.on('end', resolve).on('error', reject));
        return { same: returned === submittable, rows };
      } finally {
        client.release();
      }
    });
    expect(result.value).toEqual({ same: true, rows: [{ title: 'post 2' }] });
    expect(result.queries).toMatchObject([{ sql: 'SELECT title FROM posts WHERE id = $1', parameters: [2] }]);
  });

  it('restores the pool when the callback throws, and rethrows its error unchanged', async () => {
    const { thrown, out } = await throwAfter(pool, commentsOneByOne);
    expect(out).toBe(thrown);
    expect(isWatched(pool)).toBe(false);
  });

  it('keeps two callbacks running at the same time on one pool apart', async () => {
    const [loop, batch] = await Promise.allSettled([
      detectNPlusOne(pool, commentsOneByOne),
      detectNPlusOne(pool, commentsBatched),
    ]);
    expect(loop.status === 'rejected' && (loop.reason as NPlusOneError).queries).toHaveLength(9);
    expect(batch.status === 'fulfilled' && batch.value.queries).toHaveLength(2);
  });

  it('watches a Client and a pool together, a BEGIN…COMMIT being its own unit', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const error = await caught(
        detectNPlusOne([pool, client], async () => {
          await pool.query('SELECT count(*) FROM posts');
          await client.query('BEGIN');
          const posts = await client.query<{ id: number }>('SELECT id FROM posts ORDER BY id');
          for (const post of posts.rows)
            await client.query('SELECT body FROM comments WHERE post_id = $1', [post.id]);
          await client.query('COMMIT');
        }),
      );
      expect((error as Error).message).toContain('in the detectNPlusOne callback, transaction 1');
      expect((error as NPlusOneError).queries.map((q) => q.method).slice(0, 2)).toEqual([
        'pg Pool.query',
        'pg Client.query',
      ]);
      expect(isWatched(client)).toBe(false);
    } finally {
      await client.end();
    }
  });
});

describe('watchQueries on node-postgres', () => {
  it('records the pool until stop() and reports through check()', async () => {
    const watch = watchQueries(pool, { minRepeats: 9 });
    await commentsOneByOne();
    watch.stop();
    expect(isWatched(pool)).toBe(false);
    expect(watch.queries()).toHaveLength(9);
    await expect(watch.check()).resolves.toEqual([]);
  });
});

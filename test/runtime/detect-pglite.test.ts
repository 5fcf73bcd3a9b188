import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { detectNPlusOne, NPlusOneError, type RecordedQuery, watchQueries } from '../../src/runtime/index.js';
import { BLOG_SCHEMA, lineOf } from './support/blog.js';
import { caught, throwAfter } from './support/outcome.js';
import { barePglite } from './support/pglite.js';

let db: PGlite;
beforeAll(async () => {
  db = await barePglite();
  await db.exec(BLOG_SCHEMA);
});
afterAll(() => db?.close());

// The application code under test: one query per post (the N+1), and its batched form.
async function commentsOneByOne(): Promise<number> {
  const posts = await db.query<{ id: number }>('SELECT id, title FROM posts ORDER BY id');
  let total = 0;
  for (const post of posts.rows) {
    const comments = await db.query('SELECT id, body FROM comments WHERE post_id = $1', [post.id]); // pglite-loop
    total += comments.rows.length;
  }
  return total;
}

async function commentsBatched(): Promise<number> {
  const posts = await db.query<{ id: number }>('SELECT id, title FROM posts ORDER BY id');
  const ids = posts.rows.map((p) => p.id);
  const comments = await db.query('SELECT post_id, id, body FROM comments WHERE post_id = ANY($1)', [ids]);
  return comments.rows.length;
}

describe('detectNPlusOne on PGlite', () => {
  it('fails on a loop of lookups, pointing at the loop line of this file', async () => {
    const error = await caught(detectNPlusOne(db, commentsOneByOne));
    expect(error).toBeInstanceOf(NPlusOneError);
    const { findings } = error as NPlusOneError;
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding?.rule).toBe('n-plus-one');
    expect(finding?.count).toBe(8);
    expect(finding?.queries).toEqual(['SELECT id, body FROM comments WHERE post_id = $1']);
    expect(finding?.previousQuery).toBe('SELECT id, title FROM posts ORDER BY id');
    expect(finding?.stack[0]).toMatchObject(lineOf(import.meta.url, 'pglite-loop'));
    const message = (error as Error).message;
    expect(message).toContain(`detect-pglite.test.ts:${lineOf(import.meta.url, 'pglite-loop').line}:`);
    expect(message).toContain(finding?.fingerprints[0]);
    expect(message).toContain('WHERE post_id = ANY($1)');
    expect(message).toContain('json_agg');
  });

  it('passes a batched = ANY($1) load and returns the value and the queries', async () => {
    const result = await detectNPlusOne(db, commentsBatched);
    expect(result.value).toBe(40);
    expect(result.findings).toEqual([]);
    expect(result.queries.map((q) => q.method)).toEqual(['PGlite query', 'PGlite query']);
    expect(result.queries[1]?.parameters).toEqual([[1, 2, 3, 4, 5, 6, 7, 8]]);
  });

  it('reports identical repeats, and fails on them only when asked', async () => {
    const sameRead = async (): Promise<void> => {
      for (let i = 0; i < 6; i++) await db.query('SELECT title FROM posts WHERE id = $1', [3]);
    };
    const { findings } = await detectNPlusOne(db, sameRead);
    expect(findings.map((f) => [f.rule, f.count])).toEqual([['repeated-identical-query', 6]]);
    const error = await caught(detectNPlusOne(db, sameRead, { throwOnRepeatIdentical: true }));
    expect(error).toBeInstanceOf(NPlusOneError);
    expect((error as Error).message).toContain('6 times in a row with the same parameters');
  });

  it('honours minRepeats, allow and onDetect', async () => {
    await expect(detectNPlusOne(db, commentsOneByOne, { minRepeats: 9 })).resolves.toMatchObject({
      value: 40,
    });
    await expect(detectNPlusOne(db, commentsOneByOne, { allow: [/FROM comments/] })).resolves.toMatchObject({
      findings: [],
    });
    const allowedHere = (q: RecordedQuery): boolean => q.stack[0]?.file.endsWith('.test.ts') === true;
    await expect(detectNPlusOne(db, commentsOneByOne, { allow: allowedHere })).resolves.toMatchObject({
      value: 40,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const result = await detectNPlusOne(db, commentsOneByOne, { onDetect: 'warn' });
      expect(result.findings.map((f) => f.rule)).toEqual(['n-plus-one']);
      expect(String(warn.mock.calls[0]?.[0])).toContain('n-plus-one');
    } finally {
      warn.mockRestore();
    }
  });

  it('restores the instance when the callback throws, and rethrows its error unchanged', async () => {
    const { thrown, out } = await throwAfter(db, commentsOneByOne);
    expect(out).toBe(thrown);
    for (const method of ['query', 'exec', 'transaction']) expect(Object.hasOwn(db, method)).toBe(false);
    const after = await detectNPlusOne(db, commentsBatched);
    expect(after.queries).toHaveLength(2);
  });

  it('leaves results and errors as PGlite returns them', async () => {
    const sql = 'SELECT id, title FROM posts WHERE id <= $1 ORDER BY id';
    const plain = await db.query(sql, [3]);
    const watched = await detectNPlusOne(db, () => db.query(sql, [3]));
    expect(watched.value).toEqual(plain);
    const plainError = await caught(db.query('SELECT nope FROM posts'));
    const watchedError = await caught(detectNPlusOne(db, () => db.query('SELECT nope FROM posts')));
    expect(watchedError).toBeInstanceOf((plainError as Error).constructor);
    expect(watchedError).toMatchObject({ message: (plainError as Error).message, code: '42703' });
  });

  it('watches sql``, exec scripts and transaction(), a transaction being its own unit', async () => {
    const error = await caught(
      detectNPlusOne(db, () =>
        db.transaction(async (tx) => {
          const posts = await tx.query<{ id: number }>('SELECT id FROM posts ORDER BY id');
          for (const post of posts.rows) await tx.sql`SELECT body FROM comments WHERE post_id = ${post.id}`;
        }),
      ),
    );
    expect((error as Error).message).toContain('in the detectNPlusOne callback, transaction 1');
    const script = Array.from({ length: 6 }, (_, i) => `SELECT body FROM comments WHERE post_id = ${i + 1};`);
    const scripted = await caught(
      detectNPlusOne(db, () => db.exec(`SELECT id FROM posts;\n${script.join('\n')}`)),
    );
    expect((scripted as NPlusOneError).findings.map((f) => f.count)).toEqual([6]);
    const tagged = await caught(
      detectNPlusOne(db, async () => {
        for (let id = 1; id <= 6; id++) await db.sql`SELECT title FROM posts WHERE id = ${id}`;
      }),
    );
    expect((tagged as NPlusOneError).findings[0]?.queries).toEqual(['SELECT title FROM posts WHERE id = $1']);
  });

  it('catches a Promise.all fan-out: the calls count in the order they were made', async () => {
    const error = await caught(
      detectNPlusOne(db, async () => {
        const posts = await db.query<{ id: number }>('SELECT id FROM posts ORDER BY id');
        await Promise.all(
          posts.rows.map((p) => db.query('SELECT body FROM comments WHERE post_id = $1', [p.id])),
        );
      }),
    );
    expect((error as NPlusOneError).findings.map((f) => [f.rule, f.count])).toEqual([['n-plus-one', 8]]);
  });

  it('keeps two callbacks running at the same time apart', async () => {
    const [loop, batch] = await Promise.allSettled([
      detectNPlusOne(db, commentsOneByOne),
      detectNPlusOne(db, commentsBatched),
    ]);
    expect(loop.status).toBe('rejected');
    expect(loop.status === 'rejected' && (loop.reason as NPlusOneError).queries).toHaveLength(9);
    expect(batch.status === 'fulfilled' && batch.value.queries).toHaveLength(2);
    expect(Object.hasOwn(db, 'query')).toBe(false);
  });

  it('watches several instances', async () => {
    const other = await barePglite();
    try {
      const result = await detectNPlusOne([db, other], async () => {
        await db.query('SELECT 1');
        await other.query('SELECT 2');
      });
      expect(result.queries.map((q) => q.sql)).toEqual(['SELECT 1', 'SELECT 2']);
    } finally {
      await other.close();
    }
  });
});

describe('watchQueries on PGlite', () => {
  it('records everything until stop(), then finds the N+1', async () => {
    const watch = watchQueries(db);
    await commentsOneByOne();
    watch.stop();
    await db.query('SELECT 1');
    expect(watch.queries()).toHaveLength(9);
    const findings = await watch.findings();
    expect(findings.map((f) => f.rule)).toEqual(['n-plus-one']);
    await expect(watch.check()).rejects.toBeInstanceOf(NPlusOneError);
    expect(Object.hasOwn(db, 'query')).toBe(false);
  });

  it('rejects what it cannot watch, and a minRepeats below 2, with one-line messages', () => {
    expect(() => watchQueries(db, { minRepeats: 1 })).toThrow(
      'pgvigil/runtime: minRepeats must be an integer of at least 2 (got 1).',
    );
    expect(Object.hasOwn(db, 'query')).toBe(false);
    expect(() => watchQueries({} as object)).toThrow(
      'pgvigil/runtime: cannot watch an object of class Object without a query() method: pass a pg Pool, a pg Client or a PGlite instance.',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdviseError } from '../../src/advisor/advise-error.js';
import { type AdviseResult, runAdvise } from '../../src/advisor/run-advise.js';
import { renderIndexKey } from '../../src/catalog/index.js';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { blogWorkload } from './support/blog-workload.js';

const OPTIONS = { timeoutMs: 30_000, rowsPerTable: 1000, minSavedShare: 0.3, maxIndexes: 10 } as const;

function suggestionFor(result: AdviseResult, queryFile: string) {
  return result.suggestions.find((s) =>
    s.helped.some((g) => result.queries.find((q) => q.id === g.query)?.file?.endsWith(queryFile)),
  );
}

function keysOf(result: AdviseResult, queryFile: string): string[] | undefined {
  return suggestionFor(result, queryFile)?.trial.candidate.keys.map(renderIndexKey);
}

/** Expectations both trial methods must meet on the same blog workload. */
function expectBlogAdvice(result: AdviseResult): void {
  // Latest 50 comments of a user: author_id to find them, created_at DESC to stop after 50 without a sort.
  expect(keysOf(result, 'comments_of_user.sql')).toEqual(['author_id', 'created_at DESC']);
  const comments = suggestionFor(result, 'comments_of_user.sql');
  const gain = comments?.helped[0];
  expect(gain && gain.after < gain.before * 0.7).toBe(true);
  // The front page is served by the partial index posts_published_at_idx: nothing to add.
  expect(suggestionFor(result, 'front_page.sql')).toBeUndefined();
  // lower(email) is users_email_key's expression: never suggested again.
  expect(suggestionFor(result, 'user_by_email.sql')).toBeUndefined();
  expect(result.duplicates.map((d) => d.existing.name)).toEqual(
    expect.arrayContaining(['posts_published_at_idx', 'users_email_key']),
  );
  const existing = new Set(result.duplicates.map((d) => renderTarget(d.candidate)));
  for (const s of result.suggestions) expect(existing.has(renderTarget(s.trial.candidate))).toBe(false);
  // Every suggestion makes the workload cheaper with all of them in place.
  const total = (costs: AdviseResult['baseline']) => [...costs.values()].reduce((a, b) => a + b, 0);
  expect(total(result.withSuggestions)).toBeLessThan(total(result.baseline));
}

function renderTarget(candidate: AdviseResult['suggestions'][number]['trial']['candidate']): string {
  return `${candidate.table} ${candidate.keys.map(renderIndexKey).join(',')} ${candidate.predicate ?? ''}`;
}

describe('runAdvise on the embedded engine (real CREATE INDEX, rolled back)', () => {
  let result: AdviseResult;
  beforeAll(async () => {
    const workload = await blogWorkload();
    result = await runAdvise({
      ...OPTIONS,
      input: `${workload.dir}/queries`,
      schemaFiles: [workload.schema, workload.data],
    });
  }, 120_000);

  it('suggests comments (author_id, created_at DESC), nothing already indexed, never a duplicate', () => {
    expect(result.method).toBe('rollback');
    expectBlogAdvice(result);
  });

  it('moves a constant predicate into a partial index', () => {
    const archive = suggestionFor(result, 'archive.sql')?.trial.candidate;
    expect(archive?.predicate).toBe("status = 'archived'");
    expect(archive?.keys.map(renderIndexKey)).toEqual(['created_at DESC']);
  });

  it('suggests an expression index for lower(name) = …', () => {
    const byName = suggestionFor(result, 'user_by_name.sql')?.trial.candidate;
    expect(byName?.keys).toEqual([
      expect.objectContaining({ kind: 'expression', expression: 'lower(name)' }),
    ]);
  });

  it('reports each suggestion as index-advice with the CONCURRENTLY statement and the built size', () => {
    const advice = result.diagnostics.filter((d) => d.rule === 'index-advice');
    expect(advice).toHaveLength(result.suggestions.length);
    for (const d of advice) {
      expect(d.suggestedSql).toMatch(/^CREATE INDEX CONCURRENTLY \w+ ON public\.\w+ USING btree \(/);
      expect(d.data?.sizeBytes).toBeGreaterThan(0);
      expect(d.file).toMatch(/\.sql$/);
    }
  });

  it('with a budget of one, keeps the index saving the most', async () => {
    const workload = await blogWorkload();
    const one = await runAdvise({
      ...OPTIONS,
      maxIndexes: 1,
      input: `${workload.dir}/queries`,
      schemaFiles: [workload.schema, workload.data],
    });
    expect(one.suggestions).toHaveLength(1);
    const best = [...result.suggestions].sort((a, b) => b.benefit - a.benefit)[0];
    expect(one.suggestions[0] && renderTarget(one.suggestions[0].trial.candidate)).toBe(
      best && renderTarget(best.trial.candidate),
    );
  }, 120_000);
});

const serverUrl = testServerUrl();

describe.runIf(serverUrl)('runAdvise --db on a PostgreSQL server (HypoPG, read-only)', () => {
  let admin: Engine;
  let db: Engine;
  let url: string;
  const name = uniqueName('pgvigil_advise');
  let workload: Awaited<ReturnType<typeof blogWorkload>>;

  beforeAll(async () => {
    admin = await openServer(serverUrl ?? '');
    await admin.exec(`CREATE DATABASE ${name}`);
    url = urlForDatabase(serverUrl ?? '', name);
    db = await openServer(url);
    workload = await blogWorkload();
    const { readFile } = await import('node:fs/promises');
    await db.exec(await readFile(workload.schema, 'utf8'));
    await db.exec(await readFile(workload.data, 'utf8'));
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  const indexCount = async () =>
    Number(
      (await db.query<{ n: string }>("SELECT count(*) AS n FROM pg_indexes WHERE schemaname = 'public'"))
        .rows[0]?.n,
    );

  it('refuses without HypoPG: it never builds an index in the user’s database', async () => {
    const refusal = runAdvise({ ...OPTIONS, input: `${workload.dir}/queries`, schemaFiles: [], db: url });
    await expect(refusal).rejects.toThrow(AdviseError);
    await expect(refusal).rejects.toThrow(/no HypoPG .* add --scratch/);
  });

  it('without HypoPG, with --scratch: a copy of the schema in a scratch database, dropped afterwards', async () => {
    const before = await indexCount();
    const result = await runAdvise({
      ...OPTIONS,
      input: `${workload.dir}/queries`,
      schemaFiles: [],
      db: url,
      scratch: true,
    });
    expect(result.method).toBe('rollback');
    // Synthetic rows in the copy: the comments index starts with author_id, whatever the data puts after it.
    const comments = suggestionFor(result, 'comments_of_user.sql');
    expect(comments?.trial.candidate.keys.map(renderIndexKey)[0]).toBe('author_id');
    expect(comments?.helped[0] && comments.helped[0].after < comments.helped[0].before).toBe(true);
    // The copy has the user's indexes: what they serve is never suggested again.
    expect(result.duplicates.map((d) => d.existing.name)).toEqual(
      expect.arrayContaining(['posts_published_at_idx', 'users_email_key']),
    );
    expect(result.notes.join('\n')).toMatch(
      /scratch database .* PostgreSQL before 18 cannot restore statistics/,
    );
    expect(await indexCount()).toBe(before);
  }, 180_000);

  it('with HypoPG: the same advice, and the database keeps exactly its indexes', async () => {
    await db.exec('CREATE EXTENSION IF NOT EXISTS hypopg');
    const before = await indexCount();
    const result = await runAdvise({
      ...OPTIONS,
      input: `${workload.dir}/queries`,
      schemaFiles: [],
      db: url,
    });
    expect(result.method).toBe('hypopg');
    expectBlogAdvice(result);
    expect(await indexCount()).toBe(before);
  }, 120_000);

  it('without a queries folder: the workload of pg_stat_statements, weighted by time', async () => {
    await db.exec('CREATE EXTENSION IF NOT EXISTS hypopg; CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    // A fresh database: pg_stat_statements holds only what this test runs in it (no reset, other tests share the cluster).
    for (let author = 1; author <= 20; author++)
      await db.query('SELECT id, body FROM comments WHERE author_id = $1 ORDER BY created_at DESC LIMIT 50', [
        author,
      ]);
    const result = await runAdvise({ ...OPTIONS, schemaFiles: [], db: url });
    // The view keeps the statement's first text: here pgvigil's own PREPARE of comments_of_user.sql
    // (same statement after normalisation), which advise reads past.
    const comments = result.queries.find((q) => q.uses.some((u) => u.table.name === 'comments'));
    expect(comments?.weight).toBeGreaterThan(0);
    expect(comments?.label).toMatch(/^pg_stat_statements #\d+ \(20 calls/);
    const advice = result.suggestions.find((s) => s.helped.some((g) => g.query === comments?.id));
    expect(advice?.trial.candidate.keys.map(renderIndexKey)).toEqual(['author_id', 'created_at DESC']);
    expect(result.notes.some((n) => n.includes('weighted by its total execution time'))).toBe(true);
  }, 120_000);
});

describe('runAdvise with pg_trgm installed', () => {
  it('tries a trigram GIN index for ILIKE with a leading wildcard', async () => {
    const workload = await blogWorkload();
    const { writeFile } = await import('node:fs/promises');
    const extension = `${workload.dir}/extension.sql`;
    await writeFile(extension, 'CREATE EXTENSION pg_trgm;\n');
    const result = await runAdvise({
      ...OPTIONS,
      input: `${workload.dir}/queries/search_posts.sql`,
      schemaFiles: [extension, workload.schema, workload.data],
    });
    const search = suggestionFor(result, 'search_posts.sql')?.trial.candidate;
    expect(search).toMatchObject({ method: 'gin', extension: 'pg_trgm' });
    expect(search?.keys.map(renderIndexKey)).toEqual(['title gin_trgm_ops']);
  }, 120_000);
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnKey, expressionKey } from '../../src/advisor/index-candidate.js';
import { baselineCosts, tryIndexes } from '../../src/advisor/trial.js';
import type { WorkloadQuery } from '../../src/advisor/workload.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { fillEmptyTables } from '../../src/explain/bulk-fill.js';
import { prepareEmbeddedData } from '../../src/explain/embedded-data.js';
import { exportStats } from '../../src/stats/export-stats.js';
import type { StatsFile } from '../../src/stats/stats-file.js';
import { openServerTestDatabase } from '../support/engines.js';
import {
  BLOG_SCHEMA,
  fillBlog,
  MILLION,
  type PlanSummary,
  planSummaries,
  planSummary,
} from './blog-stats.js';

/** Synthetic rows per table on the embedded engine: 0.2 % of production's posts. */
const SYNTHETIC = 2000;
/** How far an embedded estimate may be from the server's, with production statistics restored. */
const ESTIMATE_FACTOR = 1.05;

let server: Engine;
let stats: StatsFile;
let production: Record<string, PlanSummary>;
let dir: string;

async function embedded(): Promise<Engine> {
  const engine = await openPglite();
  await engine.exec(BLOG_SCHEMA);
  return engine;
}

async function withEmbedded<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await embedded();
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

/**
 * A plan's shape with an index scan and a bitmap scan of the same index taken as one: which of
 * them wins hangs on the heap's pages, and those are the synthetic rows' (docs/stats.md).
 */
function accessPath(shape: string): string {
  return shape
    .replace(/Bitmap Heap Scan\[Bitmap Index Scan\((\w+)\)\]/g, 'Index($1)')
    .replace(/Index Scan\((\w+)\)/g, 'Index($1)');
}

const factor = (a: number, b: number) => Math.max(a, b) / Math.max(1, Math.min(a, b));

beforeAll(async () => {
  server = await openServerTestDatabase();
  await server.exec(BLOG_SCHEMA);
  await fillBlog(server);
  // PGlite plans no parallel workers; compare like with like.
  await server.exec('SET max_parallel_workers_per_gather = 0');
  production = await planSummaries(server);
  stats = await exportStats(server);
  dir = await mkdtemp(join(tmpdir(), 'pgvigil-stats-'));
  await writeFile(join(dir, 'stats.json'), JSON.stringify(stats));
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('production statistics of a million-row table on the embedded engine', () => {
  it('plan like the server: same access paths and joins for every query, each estimate within the named factor', async () => {
    const restored = await withEmbedded(async (engine) => {
      const data = await prepareEmbeddedData(engine, { rowsPerTable: SYNTHETIC }, join(dir, 'stats.json'));
      expect(data.estimatesOnly).toBe(true);
      return planSummaries(engine);
    });
    for (const [query, plan] of Object.entries(production)) {
      expect(accessPath(restored[query]?.shape ?? ''), query).toBe(accessPath(plan.shape));
      expect(factor(restored[query]?.postsRows ?? 0, plan.postsRows), query).toBeLessThanOrEqual(
        ESTIMATE_FACTOR,
      );
    }
    expect(production.published?.postsRows).toBeGreaterThan(0.8 * MILLION);
  });

  it('without them the synthetic rows plan otherwise: estimates of thousands, not a million', async () => {
    const synthetic = await withEmbedded(async (engine) => {
      await fillEmptyTables(engine, SYNTHETIC);
      return planSummaries(engine);
    });
    expect(synthetic.published?.postsRows).toBeLessThanOrEqual(SYNTHETIC);
    // Measured: author 1 against 100, recent 1 against 35,416, published 1,023 against 898,300.
    const offByTen = Object.keys(production).filter(
      (q) => factor(synthetic[q]?.postsRows ?? 0, production[q]?.postsRows ?? 0) > 10,
    );
    expect(offByTen.length).toBeGreaterThanOrEqual(4);
  });

  it('production relpages as they are shrink the estimate by production pages over the copy’s pages', async () => {
    const posts = stats.tables.find((t) => t.name === 'posts');
    const { naive, pages } = await withEmbedded(async (engine) => {
      await fillEmptyTables(engine, SYNTHETIC);
      await engine.query(
        `SELECT pg_restore_relation_stats('schemaname', 'public', 'relname', 'posts', 'relpages', $1::integer, 'reltuples', $2::real)`,
        [posts?.relpages, posts?.reltuples],
      );
      const { rows } = await engine.query<{ pages: number }>(
        `SELECT (pg_relation_size('posts') / 8192)::int AS pages`,
      );
      return { naive: await planSummary(engine, 'SELECT * FROM posts'), pages: rows[0]?.pages ?? 0 };
    });
    // The planner scales reltuples / relpages by the table's size on disk.
    const expected = ((posts?.reltuples ?? 0) / (posts?.relpages ?? 1)) * pages;
    expect(factor(naive.postsRows, expected)).toBeLessThan(1.05);
    expect(naive.postsRows).toBeLessThan(MILLION / 20);
  });

  it('an ANALYZE after the restore puts the synthetic statistics back', async () => {
    const after = await withEmbedded(async (engine) => {
      await prepareEmbeddedData(engine, { rowsPerTable: SYNTHETIC }, join(dir, 'stats.json'));
      await engine.exec('ANALYZE');
      return planSummary(engine, "SELECT * FROM posts WHERE status = 'published'");
    });
    expect(after.postsRows).toBeLessThanOrEqual(SYNTHETIC);
  });

  it('an index trial (CREATE INDEX rolled back) leaves the restored row count in place', async () => {
    const { during, after } = await withEmbedded(async (engine) => {
      await prepareEmbeddedData(engine, { rowsPerTable: SYNTHETIC }, join(dir, 'stats.json'));
      const trial = await tryIndexes(
        'rollback',
        engine,
        [{ table: 'public.posts', method: 'btree', keys: [columnKey('tags')], include: [] }],
        [],
      );
      expect(trial.sizes[0]).toBeGreaterThan(0);
      const { rows } = await engine.query<{ reltuples: number }>(
        "SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'posts'",
      );
      return { during: trial, after: rows[0]?.reltuples };
    });
    expect(during.costs.size).toBe(0);
    expect(after).toBe(stats.tables.find((t) => t.name === 'posts')?.reltuples);
  });

  it('a trial of an expression index (which runs ANALYZE) still plans on production’s column statistics', async () => {
    // What planning reads of a workload query: its id, text and parameters.
    const published = {
      id: 1,
      statement: { text: "SELECT id FROM posts WHERE status = 'draft'" },
      parameters: 0,
    } as unknown as WorkloadQuery;
    const { before, during } = await withEmbedded(async (engine) => {
      await prepareEmbeddedData(engine, { rowsPerTable: SYNTHETIC }, join(dir, 'stats.json'));
      const candidate = {
        table: 'public.posts',
        method: 'btree',
        keys: [expressionKey('lower(status)')],
        include: [],
      } as const;
      return {
        before: (await baselineCosts(engine, [published])).costs.get(1) ?? 0,
        during: (await tryIndexes('rollback', engine, [candidate], [published])).costs.get(1) ?? 0,
      };
    });
    // 800 drafts of production's million through posts_status_idx either way, not a fifth of the rows as the synthetic skew has it.
    expect(factor(during, before)).toBeLessThan(1.01);
    expect(before).toBeLessThan(5_000);
  });
});

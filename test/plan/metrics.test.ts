import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { planMetrics } from '../../src/plan/metrics.js';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { describeEachEngine } from '../support/engines.js';

async function analyzed(engine: Engine, sql: string) {
  const { rows } = await engine.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  return parsePlan(rows.map((row) => row['QUERY PLAN']).join('\n'));
}

describeEachEngine('planMetrics', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(`
      CREATE TABLE items (id bigint PRIMARY KEY, grp int NOT NULL);
      INSERT INTO items SELECT g, g % 7 FROM generate_series(1, 200000) g;`);
    await engine.exec('ANALYZE items');
  });
  afterAll(() => engine.close());

  it('multiplies per-loop rows and time by the loops of a nested loop’s inner side', async () => {
    await engine.exec('SET enable_hashjoin = off; SET enable_mergejoin = off; SET enable_material = off');
    const plan = await analyzed(engine, 'SELECT * FROM generate_series(1, 40) g JOIN items i ON i.id = g');
    await engine.exec('RESET ALL');
    const metrics = planMetrics(plan);
    const inner = metrics.find((m) => m.node.nodeType === 'Index Scan');
    expect(inner?.node.actualLoops).toBe(40);
    expect(inner?.totalRows).toBe(40);
    expect(inner?.inclusiveMs).toBeCloseTo((inner?.node.actualTotalMs ?? 0) * 40, 6);
  });

  it('splits a node’s time between itself and its children, and the root holds all of it', async () => {
    const plan = await analyzed(engine, 'SELECT grp, count(*) FROM items GROUP BY grp ORDER BY grp');
    const metrics = planMetrics(plan);
    const root = metrics[0];
    const exclusive = metrics.reduce((sum, m) => sum + m.exclusiveMs, 0);
    expect(exclusive).toBeCloseTo(root?.inclusiveMs ?? -1, 3);
    expect(root?.inclusiveMs).toBeLessThanOrEqual(plan.executionMs ?? 0);
    expect(metrics.find((m) => m.node.nodeType === 'Seq Scan')?.totalRows).toBe(200000);
  });

  it('counts the rows of every process under a Gather, and its wall time once', async () => {
    await engine.exec(`SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
      SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2`);
    const plan = await analyzed(engine, 'SELECT count(*) FROM items WHERE grp = 3');
    await engine.exec('RESET ALL');
    const metrics = planMetrics(plan);
    const gather = metrics.find((m) => m.node.nodeType === 'Gather');
    const scan = metrics.find((m) => m.node.nodeType === 'Seq Scan');
    expect(scan?.node.parallelAware).toBe(true);
    const launched = Number(gather?.node.properties['Workers Launched'] ?? 0);
    expect(scan?.parallelism).toBe(launched + 1);
    const { rows } = await engine.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE grp = 3');
    // Before PostgreSQL 18 the per-loop average is printed rounded: the total is right within one row per loop.
    expect(Math.abs((scan?.totalRows ?? 0) - (rows[0]?.n ?? 0))).toBeLessThanOrEqual(
      scan?.node.actualLoops ?? 0,
    );
    expect(scan?.inclusiveMs).toBeLessThanOrEqual((gather?.inclusiveMs ?? 0) + 0.001);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { lossyBitmapScan } from '../../../src/rules/plan/lossy-bitmap-scan.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, seedItems } from './support/plan-harness.js';

const SQL = 'SELECT count(note) FROM items WHERE id < 20000';
const BITMAP = 'SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off';

describeEachEngine('lossy-bitmap-scan', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    // About 12 rows a page: 20,000 matching rows span ~1,700 pages, more than 64kB of bitmap holds exactly (~1,000).
    await seedItems(engine, { rows: 24_000, padBytes: 600 });
  });
  afterAll(() => engine.close());

  it('reports a bitmap heap scan that went lossy in 64kB of work_mem', async () => {
    const plan = await measuredPlan(engine, SQL, `${BITMAP}; SET work_mem = '64kB'`);
    const [finding, ...more] = judge(lossyBitmapScan, plan);
    expect(more).toEqual([]);
    expect(finding?.data?.nodeTitle).toBe('Bitmap Heap Scan');
    expect(Number(finding?.data?.lossyHeapBlocks)).toBeGreaterThan(0);
  });

  it('says nothing when work_mem keeps the bitmap exact', async () => {
    const plan = await measuredPlan(engine, SQL, `${BITMAP}; SET work_mem = '16MB'`);
    expect(plan.root.children[0]?.nodeType ?? plan.root.nodeType).toMatch(/Bitmap/);
    expect(judge(lossyBitmapScan, plan)).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { diskSpill } from '../../../src/rules/plan/disk-spill.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf, seedItems } from './support/plan-harness.js';

describeEachEngine('disk-spill', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await seedItems(engine, { rows: 30_000, padBytes: 40 });
  });
  afterAll(() => engine.close());

  it('reports an external sort with the kB it wrote and the work_mem in force', async () => {
    const plan = await measuredPlan(engine, 'SELECT * FROM items ORDER BY note', "SET work_mem = '64kB'");
    const [finding, ...more] = judge(diskSpill, plan);
    expect(more).toEqual([]);
    expect(nodeOf(plan, finding?.data?.node)?.nodeType).toBe('Sort');
    expect(String(finding?.data?.sortMethod)).toMatch(/^external/);
    expect(Number(finding?.data?.spillKb)).toBeGreaterThan(64);
    expect(finding?.data?.workMem).toBe('64kB');
  });

  it('reports a hash join whose hash table needed several batches', async () => {
    const sql = 'SELECT count(*) FROM items x JOIN items y ON y.id = x.id + 1';
    const settings = "SET work_mem = '64kB'; SET enable_mergejoin = off; SET enable_nestloop = off";
    const plan = await measuredPlan(engine, sql, settings);
    const findings = judge(diskSpill, plan);
    const hash = findings.find((f) => f.data?.nodeTitle === 'Hash');
    expect(Number(hash?.data?.hashBatches)).toBeGreaterThan(1);
  });

  it('reports a hash aggregate that spilled', async () => {
    const settings = "SET work_mem = '64kB'; SET enable_sort = off";
    const plan = await measuredPlan(engine, 'SELECT note, count(*) FROM items GROUP BY note', settings);
    const [finding] = judge(diskSpill, plan);
    expect(finding?.data?.nodeTitle).toBe('HashAggregate');
    expect(Number(finding?.data?.hashAggBatches)).toBeGreaterThan(1);
  });

  it('says nothing when work_mem holds the sort, the hash and the aggregate', async () => {
    const settings = "SET work_mem = '64MB'";
    for (const sql of ['SELECT * FROM items ORDER BY note', 'SELECT note, count(*) FROM items GROUP BY note'])
      expect(judge(diskSpill, await measuredPlan(engine, sql, settings))).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { rowEstimateMismatch } from '../../../src/rules/plan/row-estimate-mismatch.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf, seedItems } from './support/plan-harness.js';

// a, b and c are equal: the planner multiplies their selectivities as if independent.
describeEachEngine('row-estimate-mismatch', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await seedItems(engine, { rows: 60_000, groups: 40 });
  });
  afterAll(() => engine.close());

  it('reports a 40× underestimate on two correlated columns as info, and as a warning past warningFactor', async () => {
    const plan = await measuredPlan(engine, 'SELECT * FROM items WHERE a = 1 AND b = 1');
    const [finding, ...more] = judge(rowEstimateMismatch, plan);
    expect(more).toEqual([]);
    expect(finding?.severity).toBe('info');
    expect(finding?.data).toMatchObject({ actualRows: 1500, direction: 'underestimate' });
    expect(Number(finding?.data?.factor)).toBeGreaterThanOrEqual(10);
    expect(nodeOf(plan, finding?.data?.node)?.relation).toBe('items');
    expect(judge(rowEstimateMismatch, plan, { warningFactor: 20 })[0]?.severity).toBe('warning');
  });

  it('reports a 1000× underestimate on three columns as an error, only where it starts', async () => {
    const plan = await measuredPlan(engine, 'SELECT count(*) FROM items WHERE a = 1 AND b = 1 AND c = 1');
    const findings = judge(rowEstimateMismatch, plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.data?.nodeTitle).toMatch(/Scan/);
  });

  it('says nothing once extended statistics tell the planner the columns move together', async () => {
    await engine.exec('CREATE STATISTICS items_abc (dependencies) ON a, b, c FROM items; ANALYZE items');
    const plan = await measuredPlan(engine, 'SELECT count(*) FROM items WHERE a = 1 AND b = 1 AND c = 1');
    expect(judge(rowEstimateMismatch, plan)).toEqual([]);
  });

  it('ignores the overestimate of a scan that a Limit stops early', async () => {
    const plan = await measuredPlan(engine, 'SELECT * FROM items LIMIT 5');
    expect(judge(rowEstimateMismatch, plan)).toEqual([]);
  });
});

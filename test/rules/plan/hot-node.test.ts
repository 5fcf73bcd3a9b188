import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { hotNode } from '../../../src/rules/plan/hot-node.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf, seedItems } from './support/plan-harness.js';

describeEachEngine('hot-node', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await seedItems(engine, { rows: 30_000 });
  });
  afterAll(() => engine.close());

  it('reports the scan that hashes every row as a warning: it is the query', async () => {
    const sql = "SELECT count(*) FROM items WHERE md5(md5(note)) LIKE 'a%'";
    const plan = await measuredPlan(engine, sql);
    const [finding, ...more] = judge(hotNode, plan);
    expect(more).toEqual([]);
    expect(nodeOf(plan, finding?.data?.node)?.nodeType).toBe('Seq Scan');
    expect(finding?.severity).toBe('warning');
    expect(Number(finding?.data?.share)).toBeGreaterThanOrEqual(0.9);
    expect(judge(hotNode, plan, { dominantShare: 1.01 })[0]?.severity).toBe('info');
  });

  it('says nothing for a one-node plan or a query faster than minQueryMs', async () => {
    expect(judge(hotNode, await measuredPlan(engine, 'SELECT * FROM items WHERE id = 1'))).toEqual([]);
    const plan = await measuredPlan(engine, 'SELECT count(*) FROM items');
    expect(judge(hotNode, plan, { minQueryMs: 60_000 })).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { nestedLoopManyLoops } from '../../../src/rules/plan/nested-loop-many-loops.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf, seedItems } from './support/plan-harness.js';

const SQL = 'SELECT count(*) FROM items x JOIN items y ON y.id = x.id + 1 WHERE x.grp < 20';

describeEachEngine('nested-loop-many-loops', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await seedItems(engine, { rows: 30_000 });
  });
  afterAll(() => engine.close());

  it('reports an inner index scan run 6,000 times, with its share of the time', async () => {
    const settings = 'SET enable_hashjoin = off; SET enable_mergejoin = off; SET enable_material = off';
    const plan = await measuredPlan(engine, SQL, settings);
    const [finding, ...more] = judge(nestedLoopManyLoops, plan, { minInnerShare: 0.05 });
    expect(more).toEqual([]);
    expect(nodeOf(plan, finding?.data?.node)?.nodeType).toBe('Nested Loop');
    expect(finding?.data?.actualLoops).toBe(6000);
    expect(nodeOf(plan, finding?.data?.innerNode)?.relation).toBe('items');
    expect(Number(finding?.data?.innerShare)).toBeGreaterThan(0.05);
  });

  it('says nothing under minLoops, or for the hash join the planner picks by itself', async () => {
    const settings = 'SET enable_hashjoin = off; SET enable_mergejoin = off; SET enable_material = off';
    const plan = await measuredPlan(engine, SQL, settings);
    expect(judge(nestedLoopManyLoops, plan, { minLoops: 10_000, minInnerShare: 0 })).toEqual([]);
    expect(judge(nestedLoopManyLoops, await measuredPlan(engine, SQL), { minInnerShare: 0 })).toEqual([]);
  });
});

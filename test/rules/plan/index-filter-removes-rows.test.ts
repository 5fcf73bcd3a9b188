import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { indexFilterRemovesRows } from '../../../src/rules/plan/index-filter-removes-rows.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf, seedItems } from './support/plan-harness.js';

const SQL = 'SELECT * FROM items WHERE id < 20000 AND grp = 3';
const INDEX_ONLY = 'SET enable_seqscan = off; SET enable_bitmapscan = off';

describeEachEngine('index-filter-removes-rows', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await seedItems(engine, { rows: 30_000 });
  });
  afterAll(() => engine.close());

  it('reports an index scan on id < 20000 whose Filter drops 99% of what it fetched', async () => {
    const plan = await measuredPlan(engine, SQL, INDEX_ONLY);
    const [finding, ...more] = judge(indexFilterRemovesRows, plan);
    expect(more).toEqual([]);
    expect(nodeOf(plan, finding?.data?.node)?.indexName).toBe('items_pkey');
    expect(finding?.data).toMatchObject({ rowsKept: 200, rowsRemovedByFilter: 19_799 });
  });

  it('says nothing once an index covers the filter column too', async () => {
    await engine.exec('CREATE INDEX items_grp_id ON items (grp, id)');
    const plan = await measuredPlan(engine, SQL, INDEX_ONLY);
    expect(judge(indexFilterRemovesRows, plan)).toEqual([]);
    await engine.exec('DROP INDEX items_grp_id');
  });
});

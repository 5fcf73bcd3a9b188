import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { indexOnlyHeapFetches } from '../../../src/rules/plan/index-only-heap-fetches.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf } from './support/plan-harness.js';

const SQL = 'SELECT grp FROM fresh WHERE grp < 50';
const INDEX_ONLY = 'SET enable_seqscan = off; SET enable_bitmapscan = off';

describeEachEngine('index-only-heap-fetches', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    // Analysed but never vacuumed: the visibility map marks no page all-visible. The test cluster
    // commits asynchronously, and VACUUM cannot mark pages of an unflushed commit all-visible.
    await engine.exec(`
      SET synchronous_commit = on;
      CREATE TABLE fresh (id int PRIMARY KEY, grp int NOT NULL) WITH (autovacuum_enabled = false);
      CREATE INDEX fresh_grp ON fresh (grp);
      INSERT INTO fresh SELECT g, g % 100 FROM generate_series(1, 20000) g;
      ANALYZE fresh;`);
  });
  afterAll(() => engine.close());

  it('reports an index-only scan that visited the table for every row', async () => {
    const plan = await measuredPlan(engine, SQL, INDEX_ONLY);
    const [finding, ...more] = judge(indexOnlyHeapFetches, plan);
    expect(more).toEqual([]);
    expect(nodeOf(plan, finding?.data?.node)?.nodeType).toBe('Index Only Scan');
    expect(finding?.data).toMatchObject({ heapFetches: 10_000, rowsReturned: 10_000 });
  });

  it('says nothing after VACUUM sets the visibility map', async () => {
    await engine.exec('VACUUM fresh');
    expect(judge(indexOnlyHeapFetches, await measuredPlan(engine, SQL, INDEX_ONLY))).toEqual([]);
  });
});

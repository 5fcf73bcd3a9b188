import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { parallelWorkersMissing } from '../../../src/rules/plan/parallel-workers-missing.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, seedItems } from './support/plan-harness.js';

const SQL = 'SELECT count(*) FROM items WHERE grp = 3';
const PARALLEL =
  'SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2';

describeEachEngine('parallel-workers-missing', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await seedItems(engine, { rows: 20_000 });
  });
  afterAll(() => engine.close());

  // PGlite is one process and never launches a worker; on the server the pool is emptied.
  it('reports a Gather that planned 2 workers and launched none', async () => {
    const plan = await measuredPlan(engine, SQL, `${PARALLEL}; SET max_parallel_workers = 0`);
    const [finding, ...more] = judge(parallelWorkersMissing, plan);
    expect(more).toEqual([]);
    expect(finding?.data).toMatchObject({ nodeTitle: 'Gather', workersPlanned: 2, workersLaunched: 0 });
  });

  it('says nothing for a serial plan, nor when every planned worker launched', async () => {
    expect(judge(parallelWorkersMissing, await measuredPlan(engine, SQL))).toEqual([]);
    if (engine.kind === 'server') {
      const plan = await measuredPlan(engine, SQL, `${PARALLEL}; SET max_parallel_workers = 8`);
      expect(JSON.stringify(plan.root)).toContain('"Workers Launched":2');
      expect(judge(parallelWorkersMissing, plan)).toEqual([]);
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { planningSlowerThanExecution } from '../../../src/rules/plan/planning-slower-than-execution.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan } from './support/plan-harness.js';

const TABLES = Array.from({ length: 10 }, (_, i) => `t${i}`);
// Ten empty tables joined in a chain: planning searches join orders, execution finds nothing.
const JOIN = `SELECT * FROM t0 ${TABLES.slice(1)
  .map((t, i) => `JOIN ${t} ON ${t}.id = t${i}.id`)
  .join(' ')}`;
const EXHAUSTIVE = 'SET join_collapse_limit = 12; SET from_collapse_limit = 12; SET geqo_threshold = 20';

describeEachEngine('planning-slower-than-execution', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(TABLES.map((t) => `CREATE TABLE ${t} (id int PRIMARY KEY, v int);`).join('\n'));
  });
  afterAll(() => engine.close());

  it('reports a ten-table join that plans longer than it runs', async () => {
    const plan = await measuredPlan(engine, JOIN, EXHAUSTIVE);
    const [finding] = judge(planningSlowerThanExecution, plan);
    expect(plan.planningMs).toBeGreaterThan(plan.executionMs ?? 0);
    expect(finding?.data).toMatchObject({ planningMs: plan.planningMs, executionMs: plan.executionMs });
  });

  it('says nothing for a query that plans quickly, or below minPlanningMs', async () => {
    expect(judge(planningSlowerThanExecution, await measuredPlan(engine, 'SELECT * FROM t0'))).toEqual([]);
    const plan = await measuredPlan(engine, JOIN, EXHAUSTIVE);
    expect(judge(planningSlowerThanExecution, plan, { minPlanningMs: 60_000 })).toEqual([]);
  });
});
